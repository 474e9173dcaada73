import { EVENT_KIND_LABELS, type EventSummary } from '@tongxin/contracts';
import { Button, Card, Empty, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/api';
import { type EventWhen, useEvents } from '../features/events/api';
import { CreateEventDrawer } from '../features/events/CreateEventDrawer';
import { MyRegistrationTag } from '../features/events/MyRegistrationTag';
import { eventMessages as m } from '../features/events/messages';
import { formatDateTime } from '../lib/format';
import { useIsMobile } from '../lib/useIsMobile';

/** Events the user sees (organised in their reach or invited): a table on a laptop, cards on a phone. */
export default function EventsPage() {
  const { data: me } = useMe();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [when, setWhen] = useState<EventWhen>('upcoming');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const events = useEvents(when, page);
  const items = events.data?.items ?? [];
  return (
    <>
      <PageHeader title={m.title}>
        {me?.abilities.manageEvents && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="event-create">
            {m.create}
          </Button>
        )}
      </PageHeader>
      <Segmented
        value={when}
        onChange={(v) => {
          setWhen(v as EventWhen);
          setPage(1);
        }}
        options={(['upcoming', 'past', 'all'] as const).map((k) => ({ value: k, label: m.tabs[k] }))}
        style={{ marginBottom: 16 }}
      />
      {mobile ? (
        <Flex vertical gap={12}>
          {items.length === 0 && !events.isPending && <Empty description={m.empty} />}
          {items.map((e) => (
            <Link key={e.id} to={`/events/${e.id}`}>
              <Card size="small" hoverable>
                <Typography.Text strong>{e.title}</Typography.Text>
                <div style={{ color: 'rgba(0,0,0,0.55)', marginTop: 4 }}>
                  <Tag>{EVENT_KIND_LABELS[e.kind]}</Tag>
                  {formatDateTime(e.startsAt)} · {e.place}
                </div>
                <Flex justify="space-between" style={{ marginTop: 6 }}>
                  <span>{m.seats(e.seatsTaken, e.capacity)}</span>
                  <MyRegistrationTag mine={e.mine} />
                </Flex>
              </Card>
            </Link>
          ))}
        </Flex>
      ) : (
        <Table<EventSummary>
          rowKey="id"
          loading={events.isPending}
          dataSource={items}
          locale={{ emptyText: <Empty description={m.empty} /> }}
          onRow={(e) => ({ onClick: () => navigate(`/events/${e.id}`), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: 20, total: events.data?.total ?? 0, onChange: setPage, showTotal: m.total }}
          columns={[
            { key: 'title', title: m.col.title, render: (_, e) => <Link to={`/events/${e.id}`}>{e.title}</Link> },
            { key: 'kind', title: m.col.kind, width: 100, render: (_, e) => <Tag>{EVENT_KIND_LABELS[e.kind]}</Tag> },
            { key: 'org', title: m.col.org, dataIndex: 'orgName' },
            { key: 'time', title: m.col.time, width: 150, render: (_, e) => formatDateTime(e.startsAt) },
            { key: 'place', title: m.col.place, dataIndex: 'place' },
            { key: 'seats', title: m.col.seats, width: 150, render: (_, e) => m.seats(e.seatsTaken, e.capacity) },
            { key: 'mine', title: m.col.mine, width: 110, render: (_, e) => <MyRegistrationTag mine={e.mine} /> },
          ]}
        />
      )}
      {creating && (
        <CreateEventDrawer
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            navigate(`/events/${id}`);
          }}
        />
      )}
    </>
  );
}
