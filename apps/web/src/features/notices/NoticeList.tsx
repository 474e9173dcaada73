import { PaperClipOutlined } from '@ant-design/icons';
import type { NoticeSummary } from '@tongxin/contracts';
import type { NoticeBox } from '@tongxin/contracts/labels';
import { Badge, Space, type TablePaginationConfig, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ResponsiveList } from '../../components/ResponsiveList';
import { formatDateTime } from '../../lib/format';
import { noticeMessages as m } from './messages';

interface Props {
  box: NoticeBox;
  items: NoticeSummary[];
  loading: boolean;
  pagination: TablePaginationConfig;
  empty: ReactNode;
}

function TitleLink({ n, box }: { n: NoticeSummary; box: NoticeBox }) {
  const unread = box === 'inbox' && !n.readAt;
  return (
    <Space size={6}>
      {unread && <Badge status="error" />}
      <Link to={`/notices/${n.id}`} style={{ fontWeight: unread ? 600 : undefined }} data-testid="notice-link">
        {n.title}
      </Link>
      {n.attachmentCount > 0 && (
        <Typography.Text type="secondary" title={m.attachments(n.attachmentCount)}>
          <PaperClipOutlined />
        </Typography.Text>
      )}
    </Space>
  );
}

const state = (n: NoticeSummary, box: NoticeBox) =>
  box === 'inbox' ? (
    <Tag color={n.readAt ? 'default' : 'red'}>{n.readAt ? m.readState.read : m.readState.unread}</Tag>
  ) : (
    <Link to={`/notices/${n.id}?tab=receipts`}>{m.readCount(n.readCount ?? 0)}</Link>
  );

/** The inbox or the sent box: a table on a laptop, cards on a phone. */
export function NoticeList({ box, items, loading, pagination, empty }: Props) {
  return (
    <ResponsiveList<NoticeSummary>
      items={items}
      rowKey="id"
      loading={loading}
      pagination={pagination}
      empty={empty}
      cardsTestId="notice-cards"
      card={(n) => ({
        body: (
          <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
            <div style={{ flex: 1, minWidth: 0 }}>
              <TitleLink n={n} box={box} />
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {box === 'inbox' ? n.senderOrgName : n.audience} · {formatDateTime(n.sentAt)}
                </Typography.Text>
              </div>
            </div>
            {state(n, box)}
          </div>
        ),
      })}
      columns={[
        { title: m.col.title, key: 'title', render: (_, n) => <TitleLink n={n} box={box} /> },
        box === 'inbox'
          ? { title: m.col.sender, dataIndex: 'senderOrgName', key: 'sender', width: 240 }
          : { title: m.col.audience, dataIndex: 'audience', key: 'audience', width: 320, ellipsis: true },
        { title: m.col.sentAt, key: 'sentAt', width: 170, render: (_, n) => formatDateTime(n.sentAt) },
        { title: box === 'inbox' ? m.col.state : m.col.read, key: 'state', width: 120, render: (_, n) => state(n, box) },
      ]}
    />
  );
}
