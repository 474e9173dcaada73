import { Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../lib/format';
import { useOrgHistory } from './api';
import { orgMessages as m } from './messages';

export function HistoryTab({ orgId }: { orgId: string }) {
  const history = useOrgHistory(orgId);
  if (history.isPending) return <Skeleton active />;
  if (history.error) return <Typography.Text type="danger">{history.error.message}</Typography.Text>;
  if (!history.data.length) return <Empty description={m.historyEmpty} />;
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={history.data.map((h) => ({
        key: h.id,
        content: (
          <div>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {formatDateTime(h.at)}
            </Typography.Text>
            <Tag color="red">{h.action}</Tag>
            <span>{h.summary}</span>
            {h.actorName && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {m.by}
                  {h.actorName}
                </Typography.Text>
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}
