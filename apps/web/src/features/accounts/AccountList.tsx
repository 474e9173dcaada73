import type { AccountView } from '@tongxin/contracts';
import { Descriptions, type TablePaginationConfig } from 'antd';
import type { ReactNode } from 'react';
import { ResponsiveList } from '../../components/ResponsiveList';
import { formatDateTime } from '../../lib/format';
import { AccountStatus } from './AccountStatus';
import { GrantTags } from './GrantTags';
import { accountMessages as m } from './messages';

interface Props {
  items: AccountView[];
  loading: boolean;
  pagination: TablePaginationConfig;
  empty: ReactNode;
  actions: (a: AccountView) => ReactNode;
}

/** A table on desktop; cards on a phone (no sideways scrolling through eight columns). */
export function AccountList({ items, loading, pagination, empty, actions }: Props) {
  return (
    <ResponsiveList<AccountView>
      items={items}
      rowKey="id"
      loading={loading}
      pagination={pagination}
      empty={empty}
      cardsTestId="account-cards"
      scrollX={1100}
      actions={actions}
      actionsTitle={m.actions}
      card={(a) => ({
        title: `${a.displayName}（${a.username}）`,
        extra: <AccountStatus account={a} />,
        body: (
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'org', label: m.homeOrg, children: a.homeOrgName ?? m.noOrg },
              { key: 'roles', label: m.roles, children: <GrantTags account={a} /> },
              { key: 'login', label: m.lastLogin, children: a.lastLoginAt ? formatDateTime(a.lastLoginAt) : m.neverLoggedIn },
            ]}
          />
        ),
      })}
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
      ]}
    />
  );
}
