import {
  FREQUENCIES,
  FREQUENCY_LABELS,
  frequencyFor,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  type MeetingKind,
} from '@tongxin/contracts/labels';
import { Alert, Button, Form, InputNumber, Select, Space, Table, Typography } from 'antd';
import { formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { meetingApi, useInvalidateMeetings, useRules } from './api';
import { meetingMessages as m } from './messages';

/** The required frequencies: the defaults (the 2018 条例), the city's changes, and the form to change one. */
export function RulesCard({ year }: { year: number }) {
  const rules = useRules();
  const [form] = Form.useForm<{ kind: MeetingKind; fromYear: number; frequency: string }>();
  const setRule = useAction((v: { kind: MeetingKind; fromYear: number; frequency: string }) => meetingApi.setRule(v), {
    form,
    invalidate: useInvalidateMeetings(),
    success: m.rulesSaved,
  });
  const error = setRule.formError;
  if (!rules.data) return null;
  const r = rules.data;
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (v) setRule.run(v);
  };
  return (
    <div>
      <Typography.Paragraph type="secondary">{m.rulesDefault(r.version)}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="kind"
        pagination={false}
        dataSource={MEETING_KINDS.map((kind) => ({ kind }))}
        columns={[
          { title: m.kind, dataIndex: 'kind', render: (k: MeetingKind) => MEETING_KIND_LABELS[k] },
          {
            title: '默认',
            key: 'd',
            render: (_: unknown, x: { kind: MeetingKind }) => {
              const d = r.defaults[x.kind];
              return d ? FREQUENCY_LABELS[d] : '—';
            },
          },
          {
            title: `${year} 年执行`,
            key: 'y',
            render: (_: unknown, x: { kind: MeetingKind }) => FREQUENCY_LABELS[frequencyFor(x.kind, year, r.overrides)],
          },
          {
            title: m.rulesOverride,
            key: 'o',
            render: (_: unknown, x: { kind: MeetingKind }) =>
              r.overrides
                .filter((o) => o.kind === x.kind)
                .map(
                  (o) => `${o.fromYear} 年起${FREQUENCY_LABELS[o.frequency]}（${o.setByName ?? ''} ${formatDateTime(o.setAt)}）`,
                )
                .join('；') || '—',
          },
        ]}
      />
      {r.canEdit ? (
        <Form form={form} layout="inline" style={{ marginTop: 16, rowGap: 8 }} initialValues={{ fromYear: year + 1 }}>
          <Form.Item name="kind" rules={[{ required: true, message: '请选择会议类型' }]}>
            <Select
              placeholder={m.kind}
              style={{ width: 150 }}
              options={MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))}
            />
          </Form.Item>
          <Form.Item name="fromYear" label={m.rulesFrom} rules={[{ required: true, message: '请填写起始年份' }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="frequency" rules={[{ required: true, message: '请选择频次' }]}>
            <Select
              placeholder={m.frequency}
              style={{ width: 140 }}
              options={FREQUENCIES.map((f) => ({ value: f, label: FREQUENCY_LABELS[f] }))}
            />
          </Form.Item>
          <Space>
            <Button type="primary" onClick={() => void save()}>
              {m.rulesSet}
            </Button>
          </Space>
          {error && <Alert type="error" showIcon title={error} style={{ width: '100%', marginTop: 8 }} />}
        </Form>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {m.rulesOnlyCity}
        </Typography.Paragraph>
      )}
    </div>
  );
}
