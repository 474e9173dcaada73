import { beijingYear } from '@tongxin/contracts/labels';
import { Alert, Button, Card, Empty, Form, Input, InputNumber, Modal, Progress, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useAction } from '../../lib/useAction';
import { useMe } from '../auth/api';
import { developmentApi, type PlanRow, useInvalidateDevelopment, usePlans } from './api';
import { developmentMessages } from './messages';

const m = developmentMessages.plans;
const thisYear = () => beijingYear(Date.now());
const percent = (r: PlanRow) => (r.quota ? Math.round((r.admitted / r.quota) * 100) : 0);

/** Plan vs actual for a year: the org's own quota and its children's, as bars and as a table. */
export function PlansTab({ orgId, mobile }: { orgId: string; mobile: boolean }) {
  const { data: me } = useMe();
  const [year, setYear] = useState(thisYear());
  const q = usePlans(orgId, year);
  const [editing, setEditing] = useState<PlanRow | null>(null);
  const canSet = me?.abilities.setDevelopmentPlans;
  if (q.error) return <Alert type="error" showIcon title={q.error.message} />;
  const rows = q.data ? [q.data.own, ...q.data.children] : [];
  return (
    <>
      <Select
        value={year}
        onChange={setYear}
        options={[thisYear() - 2, thisYear() - 1, thisYear(), thisYear() + 1].map((y) => ({ value: y, label: `${y} 年` }))}
        style={{ width: 120, marginBottom: 12 }}
        aria-label={m.year}
      />
      {!q.data ? (
        <Card loading variant="borderless" />
      ) : (
        <>
          <Card size="small" title={m.chartTitle} style={{ marginBottom: 12 }} data-testid="plan-chart">
            {rows.map((r) => (
              <div
                key={r.orgId}
                style={{ display: 'flex', flexWrap: mobile ? 'wrap' : 'nowrap', gap: 8, alignItems: 'center', marginBottom: 6 }}
              >
                <Typography.Text ellipsis style={{ width: mobile ? '100%' : 280, flex: 'none' }} strong={r.orgId === orgId}>
                  {r.orgName}
                </Typography.Text>
                <Progress
                  percent={percent(r)}
                  format={() => (r.quota === null ? `${r.admitted} / ${m.noPlan}` : `${r.admitted} / ${r.quota}`)}
                  status={r.quota !== null && r.admitted > r.quota ? 'exception' : 'normal'}
                  style={{ flex: 1, margin: 0 }}
                />
              </div>
            ))}
          </Card>
          <Table
            rowKey="orgId"
            size="small"
            pagination={false}
            dataSource={rows}
            scroll={{ x: 560 }}
            locale={{ emptyText: <Empty description={m.empty} /> }}
            columns={[
              { title: developmentMessages.columns.org, dataIndex: 'orgName' },
              { title: m.quota, dataIndex: 'quota', render: (v: number | null) => v ?? m.noPlan },
              { title: m.admitted, dataIndex: 'admitted' },
              { title: m.applied, dataIndex: 'applied' },
              { title: m.rate, render: (_: unknown, r: PlanRow) => (r.quota ? `${percent(r)}%` : '—') },
              ...(canSet
                ? [
                    {
                      title: '',
                      render: (_: unknown, r: PlanRow) => (
                        <Button type="link" size="small" onClick={() => setEditing(r)}>
                          {m.set}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
      {editing && <PlanModal row={editing} year={year} onClose={() => setEditing(null)} />}
    </>
  );
}

function PlanModal({ row, year, onClose }: { row: PlanRow; year: number; onClose: () => void }) {
  const [form] = Form.useForm<{ quota: number; note?: string }>();
  const save = useAction(
    (v: { quota: number; note?: string }) =>
      developmentApi.setPlan({ orgId: row.orgId, year, quota: v.quota, note: v.note || null }),
    { form, fields: ['quota', 'note'], invalidate: useInvalidateDevelopment(), success: m.saved, onSuccess: onClose },
  );
  const error = save.formError;
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (v) save.run(v);
  };
  return (
    <Modal open title={m.setTitle(row.orgName, year)} onOk={() => void submit()} confirmLoading={save.busy} onCancel={onClose}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ quota: row.quota ?? 0, note: row.note ?? '' }}>
        <Form.Item name="quota" label={m.quota} rules={[{ required: true, message: '请填写计划发展人数' }]}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={m.note}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
