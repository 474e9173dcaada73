import { BellOutlined, CheckSquareOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Result, Row, Space, Statistic, Tag, Typography } from 'antd';
import { Link, Navigate } from 'react-router';
import { layoutMessages } from '../app/layout/messages';
import { ItemRows } from '../components/ItemRows';
import { useMe } from '../features/auth/api';
import { useNotices } from '../features/notices/api';
import { noticeMessages } from '../features/notices/messages';
import { useTodos } from '../features/todos/api';
import { todoMessages as m } from '../features/todos/messages';
import { TodoPanel } from '../features/todos/TodoPanel';
import { formatDate } from '../lib/format';
import { adminHome } from '../lib/roles';

/** The home workbench (工作台): the user's to-dos first, then the figures for them, then the latest notices. */
export default function HomePage() {
  const { data: me } = useMe();
  const admin = !!me && me.abilities.adminOnly;
  const todos = useTodos(!!me && !admin);
  const notices = useNotices({ box: 'inbox', page: 1, pageSize: 5 }, !!me?.abilities.notices);
  if (!me) return null;
  if (admin) {
    const target = adminHome(me);
    if (target) return <Navigate to={target} replace />;
  }
  if (me.grants.length === 0)
    return (
      <Card>
        <Result status="info" title={layoutMessages.noAccessTitle} subTitle={layoutMessages.noAccessText} />
      </Card>
    );
  const items = notices.data?.items ?? [];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="workbench">
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {m.greeting(me.user.displayName)}
        </Typography.Title>
        {todos.data && <Typography.Text type="secondary">{m.today(todos.data.today)}</Typography.Text>}
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={m.stats.todos}
              value={todos.data?.total ?? 0}
              prefix={<CheckSquareOutlined />}
              loading={todos.isPending}
            />
          </Card>
        </Col>
        {me.abilities.notices && (
          <Col xs={12} md={6}>
            <Link to="/notices?unread=1">
              <Card size="small" hoverable>
                <Statistic
                  title={m.stats.unread}
                  value={notices.data?.unread ?? 0}
                  prefix={<BellOutlined />}
                  loading={notices.isPending}
                  styles={{ content: notices.data?.unread ? { color: '#c8161d' } : undefined }}
                />
              </Card>
            </Link>
          </Col>
        )}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <TodoPanel data={todos.data} loading={todos.isPending} error={todos.error} />
        </Col>
        {me.abilities.notices && (
          <Col xs={24} lg={10}>
            <Card
              title={m.notices}
              extra={<Link to="/notices">{m.allNotices}</Link>}
              loading={notices.isPending}
              data-testid="home-notices"
            >
              {items.length === 0 ? (
                <Empty description={m.noticesEmpty} />
              ) : (
                <ItemRows
                  rows={items.map((n) => ({
                    key: n.id,
                    title: (
                      <Space size={6}>
                        {!n.readAt && <Tag color="red">{noticeMessages.readState.unread}</Tag>}
                        <Link to={`/notices/${n.id}`}>{n.title}</Link>
                      </Space>
                    ),
                    description: `${n.senderOrgName} · ${formatDate(n.sentAt)}`,
                  }))}
                />
              )}
            </Card>
          </Col>
        )}
      </Row>
    </Space>
  );
}
