import { SendOutlined } from '@ant-design/icons';
import type { NoticeBox } from '@tongxin/contracts/labels';
import { Alert, Badge, Button, Card, Empty, Space, Switch, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/api';
import { useNotices } from '../features/notices/api';
import { ComposeNoticeDrawer } from '../features/notices/ComposeNoticeDrawer';
import { noticeMessages as m } from '../features/notices/messages';
import { NoticeList } from '../features/notices/NoticeList';
import { formatNumber } from '../lib/format';

const toInt = (v: string | null, fallback: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** 通知公告: the inbox (with the unread filter) and, for committees, the sent box; the state lives in the URL. */
export default function NoticesPage() {
  const { data: me } = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const canSend = !!me?.abilities.sendNotices;
  const box: NoticeBox = params.get('box') === 'sent' && canSend ? 'sent' : 'inbox';
  const unread = params.get('unread') === '1' && box === 'inbox';
  const page = toInt(params.get('page'), 1);
  const pageSize = Math.min(toInt(params.get('pageSize'), 20), 100);
  const list = useNotices({ box, unread, page, pageSize }, !!me?.abilities.notices);
  const [composing, setComposing] = useState(false);
  if (!me) return null;

  const update = (next: { box?: NoticeBox; unread?: boolean; page?: number; pageSize?: number }) => {
    const merged = { box, unread, page, pageSize, ...next };
    const out: Record<string, string> = {};
    if (merged.box !== 'inbox') out.box = merged.box;
    if (merged.unread) out.unread = '1';
    if (merged.page !== 1) out.page = String(merged.page);
    if (merged.pageSize !== 20) out.pageSize = String(merged.pageSize);
    setParams(out);
  };
  const emptyText = box === 'sent' ? m.empty.sent : unread ? m.empty.inboxUnread : m.empty.inbox;

  return (
    <Card>
      <PageHeader title={m.title}>
        {canSend && (
          <Button type="primary" icon={<SendOutlined />} onClick={() => setComposing(true)} data-testid="notice-compose">
            {m.compose}
          </Button>
        )}
      </PageHeader>
      <Tabs
        activeKey={box}
        onChange={(key) => update({ box: key as NoticeBox, unread: false, page: 1 })}
        items={[
          {
            key: 'inbox',
            label: (
              <Space size={6}>
                {m.tabs.inbox}
                {box === 'inbox' && list.data?.unread ? <Badge count={list.data.unread} size="small" /> : null}
              </Space>
            ),
          },
          ...(canSend ? [{ key: 'sent', label: m.tabs.sent }] : []),
        ]}
      />
      {box === 'inbox' && (
        <Space size={6} style={{ marginBottom: 12 }}>
          <Switch
            size="small"
            checked={unread}
            onChange={(v) => update({ unread: v, page: 1 })}
            data-testid="notice-unread-only"
          />
          {m.unreadOnly}
        </Space>
      )}
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      <NoticeList
        box={box}
        items={list.data?.items ?? []}
        loading={list.isFetching}
        empty={<Empty description={emptyText} />}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => m.total(formatNumber(t)),
          onChange: (p, size) => update({ page: size !== pageSize ? 1 : p, pageSize: size }),
        }}
      />
      {composing && (
        <ComposeNoticeDrawer
          onClose={() => setComposing(false)}
          onSent={(id) => {
            setComposing(false);
            navigate(`/notices/${id}?tab=receipts`);
          }}
        />
      )}
    </Card>
  );
}
