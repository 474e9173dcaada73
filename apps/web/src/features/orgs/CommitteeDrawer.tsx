import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { CommitteeDuty, OrgDetail } from '@tongxin/contracts';
import { COMMITTEE_DUTIES, COMMITTEE_DUTY_LABELS, ORG_RULES } from '@tongxin/contracts/labels';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormDrawer } from '../../components/FormDrawer';
import { useAction } from '../../lib/useAction';
import { useIsMobile } from '../../lib/useIsMobile';
import { orgApi, useInvalidateOrgs } from './api';
import { orgMessages as m } from './messages';

interface Values {
  termStart: Dayjs;
  termYears: number;
  electedOn?: Dayjs | null;
  members: { name: string; duty: CommitteeDuty; userId?: string | null }[];
}

const dutyOptions = COMMITTEE_DUTIES.map((d) => ({ value: d, label: COMMITTEE_DUTY_LABELS[d] }));

/** Records a new term (换届) or corrects the current one; the server keeps the previous term. */
export function CommitteeDrawer({ org, onClose }: { org: OrgDetail; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const mobile = useIsMobile();
  const c = org.committee;
  const initial: Partial<Values> = c
    ? {
        termStart: dayjs(c.termStart),
        termYears: ORG_RULES.termYears,
        electedOn: c.electedOn ? dayjs(c.electedOn) : null,
        members: c.members.map((x) => ({ name: x.name, duty: x.duty, userId: x.userId })),
      }
    : { termYears: ORG_RULES.termYears, members: [{ name: '', duty: 'secretary' }] };

  const save = useAction(
    (v: Values) =>
      orgApi.setCommittee(org.id, {
        termStart: v.termStart.format('YYYY-MM-DD'),
        termYears: v.termYears,
        ...(v.electedOn ? { electedOn: v.electedOn.format('YYYY-MM-DD') } : {}),
        members: v.members.map((x) => ({ name: x.name.trim(), duty: x.duty, ...(x.userId ? { userId: x.userId } : {}) })),
      }),
    {
      form,
      fields: ['termStart', 'termYears', 'electedOn', 'members'],
      invalidate: useInvalidateOrgs(),
      success: m.committeeSaved,
      onSuccess: onClose,
    },
  );

  return (
    <FormDrawer
      title={c ? m.editCommittee : m.setCommittee}
      width={560}
      busy={save.busy}
      error={save.formError}
      onSubmit={() => form.submit()}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={m.committeeHelp} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={save.run}>
        <Space wrap align="start">
          <Form.Item name="termStart" label={m.termStart} rules={[{ required: true, message: '请选择任期开始日期' }]}>
            <DatePicker format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item name="termYears" label={m.termYears} rules={[{ required: true, message: '请填写任期' }]}>
            <InputNumber min={1} max={5} />
          </Form.Item>
          <Form.Item name="electedOn" label={m.electedOn}>
            <DatePicker format="YYYY-MM-DD" />
          </Form.Item>
        </Space>
        <Form.List name="members">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                  <Form.Item
                    name={[field.name, 'duty']}
                    rules={[{ required: true, message: '请选择职务' }]}
                    style={{ width: mobile ? 110 : 130, marginBottom: 12 }}
                  >
                    <Select options={dutyOptions} placeholder={m.duty} aria-label={m.duty} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
                    style={{ flex: 1, minWidth: 0, maxWidth: 260, marginBottom: 12 }}
                  >
                    <Input placeholder={m.memberName} maxLength={30} aria-label={m.memberName} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={m.removeMember}
                  />
                </div>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', duty: 'member' })}
                disabled={fields.length >= ORG_RULES.committeeMaxSize}
              >
                {m.addMember}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </FormDrawer>
  );
}
