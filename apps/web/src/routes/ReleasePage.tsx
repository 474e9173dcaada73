import { Card, Flex, Image, Result, Spin, Table, Typography } from 'antd';
import { useParams } from 'react-router';
import { attachmentHref } from '../components/AttachmentUpload';
import { DownloadButton } from '../components/DownloadButton';
import { PageHeader } from '../components/PageHeader';
import { useRelease } from '../features/governance/api';
import { RelayTag } from '../features/governance/labels';
import { governanceMessages as m } from '../features/governance/messages';
import { RelayTaskCard } from '../features/governance/RelayTaskCard';
import { isApiError } from '../lib/api';
import { formatDateTime } from '../lib/format';
import { useIsMobile } from '../lib/useIsMobile';

export default function ReleasePage() {
  const { id = '' } = useParams();
  const mobile = useIsMobile();
  const { data: r, isLoading, error } = useRelease(id);
  if (isLoading) return <Spin />;
  if (!r) return <Result status="404" title={isApiError(error) ? error.message : '权威信息不存在'} />;
  return (
    <div>
      <PageHeader title={r.title}>
        {r.abilities.export && (
          <DownloadButton href={`/api/governance/releases/${r.id}/export`} fileName="转发情况.xlsx" data-testid="release-export">
            {m.export}
          </DownloadButton>
        )}
      </PageHeader>
      <Typography.Paragraph type="secondary">
        {r.event.name} · {m.authority}：{r.authority} · {formatDateTime(r.publishedAt)} · {m.deadline}：
        {formatDateTime(r.deadlineAt)}
      </Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.body}</Typography.Paragraph>
        {r.link && (
          <Typography.Link href={r.link} target="_blank" rel="noopener noreferrer">
            {m.originalLink}
          </Typography.Link>
        )}
        {r.images.length > 0 && (
          <Flex wrap gap={8} style={{ marginTop: 8 }}>
            {r.images.map((i) => (
              <Image key={i.id} src={attachmentHref(i.id)} width={120} alt={i.fileName} />
            ))}
          </Flex>
        )}
      </Card>
      {r.abilities.export ? (
        <>
          <Typography.Title level={5}>{m.progress(r.progress)}</Typography.Title>
          <Typography.Paragraph type="secondary">{m.progressNote}</Typography.Paragraph>
          {mobile ? (
            <Flex vertical gap={8}>
              {r.tasks.map((t) => (
                <RelayTaskCard key={t.id} task={t} />
              ))}
            </Flex>
          ) : (
            <Table
              size="small"
              rowKey="id"
              dataSource={r.tasks}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="release-tasks"
              columns={[
                { title: m.targets, render: (_, t) => t.target.name },
                { title: '账号', render: (_, t) => t.account?.name ?? '—' },
                { title: m.state, render: (_, t) => <RelayTag state={t.state} /> },
                { title: m.reportedAt, render: (_, t) => formatDateTime(t.reportedAt) },
                { title: m.reporter, render: (_, t) => t.reportedByName ?? '—' },
                {
                  title: m.relayUrl,
                  render: (_, t) =>
                    t.url ? (
                      <Typography.Link href={t.url} target="_blank" rel="noopener noreferrer">
                        {m.open}
                      </Typography.Link>
                    ) : (
                      '—'
                    ),
                },
                {
                  title: m.screenshot,
                  render: (_, t) =>
                    t.screenshots.length
                      ? t.screenshots.map((s) => (
                          <Typography.Link key={s.id} href={attachmentHref(s.id)} target="_blank" style={{ marginRight: 8 }}>
                            {m.view}
                          </Typography.Link>
                        ))
                      : '—',
                },
              ]}
            />
          )}
        </>
      ) : (
        <Flex vertical gap={12}>
          {r.tasks.map((t) => (
            <RelayTaskCard key={t.id} task={t} />
          ))}
        </Flex>
      )}
    </div>
  );
}
