import { INSTRUCTOR_LOG_KIND_LABELS, INSTRUCTOR_NOTES_MAX } from '@tongxin/contracts/labels';
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../components/FormDrawer';
import { useAction } from '../../lib/useAction';
import { enterpriseApi, useInvalidateEnterprises } from './api';
import { enterpriseMessages as m } from './messages';

interface Values {
  enterpriseId: string;
  kind: keyof typeof INSTRUCTOR_LOG_KIND_LABELS;
  onDate: Dayjs;
  notes: string;
}

/** An instructor records a visit, talk or help; from the work log page it first picks one of its enterprises. */
export function LogDrawer({ enterprises, onClose }: { enterprises: { id: string; name: string }[]; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const log = useAction(
    (v: Values) => enterpriseApi.log(v.enterpriseId, { kind: v.kind, onDate: v.onDate.format('YYYY-MM-DD'), notes: v.notes }),
    { form, fields: ['kind', 'onDate', 'notes'], invalidate: useInvalidateEnterprises(), success: '已记录', onSuccess: onClose },
  );
  return (
    <FormDrawer
      title={m.logForm.title}
      busy={log.busy}
      error={log.formError}
      onSubmit={() => form.submit()}
      onClose={onClose}
      submitTestId="log-save"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          kind: 'visit',
          onDate: dayjs(),
          enterpriseId: enterprises.length === 1 ? enterprises[0]!.id : undefined,
        }}
        onFinish={log.run}
      >
        <Form.Item
          name="enterpriseId"
          label="企业"
          rules={[{ required: true, message: '请选择企业' }]}
          hidden={enterprises.length === 1}
        >
          <Select options={enterprises.map((e) => ({ value: e.id, label: e.name }))} data-testid="log-enterprise" />
        </Form.Item>
        <Form.Item name="kind" label={m.logForm.kind}>
          <Radio.Group
            optionType="button"
            options={Object.entries(INSTRUCTOR_LOG_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="onDate" label={m.logForm.onDate} rules={[{ required: true, message: '请选择工作日期' }]}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
        <Form.Item
          name="notes"
          label={m.logForm.notes}
          rules={[{ required: true, min: 4, message: '请填写工作内容（至少4个字）' }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={INSTRUCTOR_NOTES_MAX}
            showCount
            placeholder={m.logForm.notesPlaceholder}
            data-testid="log-notes"
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
