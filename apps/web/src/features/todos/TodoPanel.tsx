import { CheckCircleOutlined, RightOutlined } from '@ant-design/icons';
import type { TodoResponse } from '@tongxin/contracts';
import { todoKindLabel } from '@tongxin/contracts/labels';
import { Alert, Badge, Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ItemRows } from '../../components/ItemRows';
import { todoMessages as m } from './messages';

const SHOWN = 5;

type Group = TodoResponse['groups'][number];

function TodoGroup({ group, today }: { group: Group; today: string }) {
  const [all, setAll] = useState(false);
  const items = all ? group.items : group.items.slice(0, SHOWN);
  return (
    <div data-testid={`todo-group-${group.kind}`} style={{ marginBottom: 12 }}>
      <Space size={8} style={{ marginBottom: 4 }}>
        <Typography.Text strong>{todoKindLabel(group.kind)}</Typography.Text>
        <Badge count={group.items.length} color="#c8161d" size="small" />
      </Space>
      <ItemRows
        rows={items.map((item) => ({
          key: `${item.href}|${item.title}`,
          title: (
            <Link to={item.href} data-testid="todo-item">
              {item.title}
            </Link>
          ),
          description: (
            <Space size={6} wrap>
              {item.detail && <span>{item.detail}</span>}
              {item.due && (
                <Tag color={item.due < today ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>
                  {item.due < today ? `${m.overdue} · ${item.due}` : m.due(item.due)}
                </Tag>
              )}
            </Space>
          ),
          extra: (
            <Link to={item.href} aria-label={`${m.go}：${item.title}`}>
              <RightOutlined />
            </Link>
          ),
        }))}
      />
      {group.items.length > SHOWN && (
        <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setAll(!all)}>
          {all ? m.showLess : `${m.more(group.items.length - SHOWN)}，${m.showAll}`}
        </Button>
      )}
    </div>
  );
}

/** 我的待办: grouped by kind, each item a link to where it is done; an empty state that says all is done. */
export function TodoPanel({ data, loading, error }: { data?: TodoResponse; loading: boolean; error: Error | null }) {
  return (
    <Card
      title={
        <Space>
          {m.todos}
          {data ? <Badge count={data.total} overflowCount={999} color="#c8161d" /> : null}
        </Space>
      }
      loading={loading && !data}
      data-testid="todo-panel"
    >
      {error && <Alert type="error" showIcon title={m.loadFailed} style={{ marginBottom: 12 }} />}
      {data?.incomplete && (
        <Alert type="warning" showIcon title={m.incomplete} style={{ marginBottom: 12 }} data-testid="todo-incomplete" />
      )}
      {data && data.total === 0 && !data.incomplete && (
        <Empty
          image={<CheckCircleOutlined style={{ fontSize: 48, color: '#52c41a' }} />}
          styles={{ image: { height: 56 } }}
          description={
            <Space orientation="vertical" size={4}>
              <Typography.Text strong data-testid="todo-empty">
                {m.allDone}
              </Typography.Text>
              <Typography.Text type="secondary">{m.allDoneHint}</Typography.Text>
            </Space>
          }
        />
      )}
      {data?.groups.map((g) => (
        <TodoGroup key={g.kind} group={g} today={data.today} />
      ))}
      {data && data.total > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 12 }}>
          {m.todosHint}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
