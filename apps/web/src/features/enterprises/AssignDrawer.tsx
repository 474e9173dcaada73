import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormDrawer } from '../../components/FormDrawer';
import { useAction } from '../../lib/useAction';
import { useDebounced } from '../../lib/useDebounced';
import { enterpriseApi, useCandidates, useInvalidateEnterprises } from './api';
import { enterpriseMessages as m } from './messages';

interface Values {
  instructorId: string;
  startsOn: Dayjs;
  endsOn?: Dayjs | null;
  note?: string;
}

/** 选派党建指导员: an account with the instructor role, from a day, optionally until a day. */
export function AssignDrawer({ enterpriseId, onClose }: { enterpriseId: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const candidates = useCandidates('instructor', useDebounced(q), true);
  const assign = useAction(
    (v: Values) =>
      enterpriseApi.assign(enterpriseId, {
        instructorId: v.instructorId,
        startsOn: v.startsOn.format('YYYY-MM-DD'),
        endsOn: v.endsOn ? v.endsOn.format('YYYY-MM-DD') : null,
        note: v.note || null,
      }),
    {
      form,
      fields: ['instructorId', 'startsOn', 'endsOn', 'note'],
      invalidate: useInvalidateEnterprises(),
      success: '已选派',
      onSuccess: onClose,
    },
  );
  return (
    <FormDrawer
      title={m.assignForm.title}
      busy={assign.busy}
      error={assign.formError}
      onSubmit={() => form.submit()}
      onClose={onClose}
      submitTestId="assign-save"
    >
      <Form form={form} layout="vertical" initialValues={{ startsOn: dayjs() }} onFinish={assign.run}>
        <Form.Item name="instructorId" label={m.assignForm.instructor} rules={[{ required: true, message: '请选择党建指导员' }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            loading={candidates.isFetching}
            options={(candidates.data ?? []).map((c) => ({ value: c.id, label: `${c.displayName}（${c.username}）` }))}
            notFoundContent="没有可选的指导员账号：请先在“账号与授权”中为其授予“党建指导员”角色"
            data-testid="assign-instructor"
          />
        </Form.Item>
        <Form.Item name="startsOn" label={m.assignForm.startsOn} rules={[{ required: true, message: '请选择开始日期' }]}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endsOn" label={m.assignForm.endsOn}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={m.assignForm.note}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
