import { App, Button, Card, Empty, Flex, Form, Input, Modal, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/api';
import { governanceApi, useGovernanceAction, useHotEvents } from '../features/governance/api';
import { governanceMessages as m } from '../features/governance/messages';
import { PublishReleaseDrawer } from '../features/governance/PublishReleaseDrawer';
import { formatDateTime } from '../lib/format';
import { applyServerErrors } from '../lib/forms';

export default function HotEventsPage() {
  const me = useMe().data;
  const manage = me?.abilities.manageGovernance ?? false;
  const { data, isLoading } = useHotEvents(manage);
  const [publishing, setPublishing] = useState<{ id: string; orgId: string } | null>(null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const create = useGovernanceAction(governanceApi.createEvent);
  if (me && !manage) return <Navigate to="/governance/tasks" replace />;
  const committee = me?.grants.find((g) => g.role === 'committee_admin' && g.orgId)?.orgId;
  return (
    <div>
      <PageHeader title={m.eventsTitle}>
        <Button type="primary" onClick={() => setCreating(true)} data-testid="event-new">
          {m.newEvent}
        </Button>
      </PageHeader>
      <Typography.Paragraph type="secondary">{m.progressNote}</Typography.Paragraph>
      {isLoading ? (
        <Spin />
      ) : !data?.items.length ? (
        <Empty description={m.eventsEmpty} />
      ) : (
        <Flex vertical gap={16}>
          {data.items.map((e) => (
            <Card
              key={e.id}
              title={<span style={{ whiteSpace: 'normal' }}>{e.title}</span>}
              extra={
                e.abilities.publish && (
                  <Button onClick={() => setPublishing({ id: e.id, orgId: e.org.id })} data-testid="event-publish">
                    {m.publish}
                  </Button>
                )
              }
              data-testid="hot-event"
            >
              <Typography.Paragraph type="secondary">
                {e.summary}（{e.org.name} · {formatDateTime(e.createdAt)}）
              </Typography.Paragraph>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={e.releases}
                scroll={{ x: 'max-content' }}
                columns={[
                  {
                    title: m.releaseTitle,
                    render: (_, r) => <Link to={`/governance/releases/${r.id}`}>{r.title}</Link>,
                  },
                  { title: m.authority, dataIndex: 'authority' },
                  { title: m.deadline, render: (_, r) => formatDateTime(r.deadlineAt) },
                  { title: '转发情况', render: (_, r) => m.progress(r.progress) },
                ]}
              />
            </Card>
          ))}
        </Flex>
      )}
      <PublishReleaseDrawer event={publishing} onClose={() => setPublishing(null)} />
      <Modal
        open={creating}
        title={m.newEvent}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            create.mutate(
              { ...v, orgId: committee },
              {
                onSuccess: () => {
                  setCreating(false);
                  form.resetFields();
                },
                onError: (err) => {
                  const rest = applyServerErrors(form, err);
                  if (rest) message.error(rest);
                },
              },
            )
          }
        >
          <Form.Item name="title" label={m.eventTitle} rules={[{ required: true, message: '请填写事件名称' }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="summary" label={m.eventSummary} rules={[{ required: true, message: '请填写事件概述' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
