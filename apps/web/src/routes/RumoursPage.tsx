import { App, Button, Card, Empty, Flex, Form, Input, Pagination, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { AttachmentUpload } from '../components/AttachmentUpload';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/api';
import { governanceApi, useGovernanceAction, useRebuttals, useRumourReports } from '../features/governance/api';
import { governanceMessages as m } from '../features/governance/messages';
import { RumourReportCard } from '../features/governance/RumourReportCard';
import { applyServerErrors } from '../lib/forms';

function Library() {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const { data } = useRebuttals(q, page);
  return (
    <Flex vertical gap={12}>
      <Input.Search
        allowClear
        enterButton="查询"
        placeholder={m.librarySearch}
        onSearch={(v) => {
          setQ(v.trim());
          setPage(1);
        }}
        data-testid="rebuttal-search"
      />
      {data && data.items.length === 0 && <Empty description={m.libraryEmpty} />}
      {data?.items.map((b) => (
        <Card key={b.id} size="small" title={<span style={{ whiteSpace: 'normal' }}>{b.title}</span>} data-testid="rebuttal">
          <Typography.Paragraph>
            <Typography.Text type="danger">{m.claim}：</Typography.Text>
            {b.claim}
          </Typography.Paragraph>
          <Typography.Paragraph>
            <Typography.Text type="success">{m.truth}：</Typography.Text>
            {b.truth}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {m.source}：
            {b.sourceUrl ? (
              <Typography.Link href={b.sourceUrl} target="_blank" rel="noopener noreferrer">
                {b.sourceName}
              </Typography.Link>
            ) : (
              b.sourceName
            )}{' '}
            · {b.publishedOn}
          </Typography.Text>
        </Card>
      ))}
      {data && data.total > 10 && (
        <Pagination simple current={page} total={data.total} pageSize={10} onChange={setPage} style={{ alignSelf: 'center' }} />
      )}
    </Flex>
  );
}

function SubmitForm({ orgId, onDone }: { orgId: string; onDone: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const submit = useGovernanceAction(governanceApi.submitRumour);
  return (
    <Card size="small">
      <Typography.Paragraph type="secondary">{m.submitIntro}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          submit.mutate(
            {
              orgId,
              text: v.text,
              url: v.url || null,
              screenshotIds: ((v.screenshots as { id: string }[]) ?? []).map((s) => s.id),
            },
            {
              onSuccess: () => {
                message.success(m.submitted);
                form.resetFields();
                onDone();
              },
              onError: (e) => {
                const rest = applyServerErrors(form, e, ['text', 'url']);
                if (rest) message.error(rest);
              },
            },
          )
        }
      >
        <Form.Item name="text" label={m.suspicious} rules={[{ required: true, message: '请填写可疑信息内容' }]}>
          <Input.TextArea rows={4} maxLength={2000} data-testid="rumour-text" />
        </Form.Item>
        <Form.Item name="url" label={m.infoLink}>
          <Input placeholder="https://" inputMode="url" data-testid="rumour-url" />
        </Form.Item>
        <Form.Item name="screenshots" label={m.screenshot}>
          <AttachmentUpload use="rumour_report" orgId={orgId} accept="image/*" maxMb={10} pictures max={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submit.isPending} data-testid="rumour-submit">
          {m.submit}
        </Button>
      </Form>
    </Card>
  );
}

export default function RumoursPage() {
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const tab = params.get('view') ?? 'library';
  const manage = me?.abilities.manageGovernance ?? false;
  const mine = useRumourReports('mine', tab === 'mine');
  const queue = useRumourReports('queue', tab === 'queue' && manage);
  const orgId = me?.grants.find((g) => g.orgId && g.role !== 'system_admin')?.orgId ?? '';
  const setTab = (view: string) => setParams({ view }, { replace: true });
  const reports = (list: typeof mine.data) =>
    !list?.items.length ? (
      <Empty description={m.noReports} />
    ) : (
      <Flex vertical gap={12}>
        {list.items.map((r) => (
          <RumourReportCard key={r.id} report={r} />
        ))}
      </Flex>
    );
  return (
    <div>
      <PageHeader title={m.rumoursTitle} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'library', label: m.library, children: <Library /> },
          { key: 'submit', label: m.submit, children: orgId && <SubmitForm orgId={orgId} onDone={() => setTab('mine')} /> },
          { key: 'mine', label: m.mine, children: reports(mine.data) },
          ...(manage ? [{ key: 'queue', label: m.queue, children: reports(queue.data) }] : []),
        ]}
      />
    </div>
  );
}
