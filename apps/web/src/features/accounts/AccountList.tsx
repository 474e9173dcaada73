import type { AccountView } from '@tongxin/contracts';
import { Card, Descriptions, Pagination, Table, type TablePaginationConfig } from 'antd';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../lib/format';
import { AccountStatus } from './AccountStatus';
import { GrantTags } from './GrantTags';
import { accountMessages as m } from './messages';

interface Props {
  items: AccountView[];
  loading: boolean;
  mobile: boolean;
  pagination: TablePaginationConfig;
  empty: ReactNode;
  actions: (a: AccountView) => ReactNode;
}

/** A table on desktop; cards on a phone (no sideways scrolling through eight columns). */
export function AccountList({ items, loading, mobile, pagination, empty, actions }: Props) {
  if (mobile)
    return (
      <div style={{ display: 'grid', gap: 8 }} data-testid="account-cards">
        {!loading && items.length === 0 && empty}
        {items.map((a) => (
          <Card key={a.id} size="small" title={`${a.displayName}（${a.username}）`} extra={<AccountStatus account={a} />}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'org', label: m.homeOrg, children: a.homeOrgName ?? m.noOrg },
                { key: 'roles', label: m.roles, children: <GrantTags account={a} /> },
                { key: 'login', label: m.lastLogin, children: a.lastLoginAt ? formatDateTime(a.lastLoginAt) : m.neverLoggedIn },
              ]}
            />
            {actions(a)}
          </Card>
        ))}
        {items.length > 0 && <Pagination {...pagination} simple style={{ justifyContent: 'center', marginTop: 8 }} />}
      </div>
    );

  return (
    <Table<AccountView>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      locale={{ emptyText: empty }}
      scroll={{ x: 1100 }}
      columns={[
        { title: m.displayName, dataIndex: 'displayName', width: 110, fixed: 'left' },
        { title: m.username, dataIndex: 'username', width: 150 },
        { title: m.homeOrg, dataIndex: 'homeOrgName', width: 220, render: (v: string | null) => v ?? m.noOrg },
        { title: m.roles, key: 'grants', render: (_, a) => <GrantTags account={a} /> },
        { title: m.status, key: 'status', width: 120, render: (_, a) => <AccountStatus account={a} /> },
        {
          title: m.lastLogin,
          dataIndex: 'lastLoginAt',
          width: 150,
          render: (v: string | null) => (v ? formatDateTime(v) : m.neverLoggedIn),
        },
        { title: m.actions, key: 'actions', width: 150, fixed: 'right', render: (_, a) => actions(a) },
      ]}
    />
  );
}
