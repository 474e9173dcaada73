import { RightOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format';
import { useMembers } from './api';
import { DEFAULT_PAGE_SIZE } from './filters';
import { MemberList } from './MemberList';
import { memberMessages as m } from './messages';

/** The org page's 党员 tab: the active members of the org and everything under it; the ledger holds the rest. */
export function OrgMembersTab({ orgId }: { orgId: string }) {
  const [page, setPage] = useState(1);
  const list = useMembers({ orgId, sort: 'name', page, pageSize: DEFAULT_PAGE_SIZE });
  return (
    <div>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, marginBottom: 12 }}>
        {list.data && (
          <Typography.Text type="secondary" data-testid="org-members-total">
            {m.orgTabTotal(formatNumber(list.data.total))}
          </Typography.Text>
        )}
        <div style={{ flex: 1 }} />
        <Link to={`/members?orgId=${orgId}`}>
          <Button size="small" icon={<RightOutlined />} iconPlacement="end">
            {m.openInLedger}
          </Button>
        </Link>
      </div>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />}
      <MemberList
        items={list.data?.items ?? []}
        loading={list.isFetching}
        sort="name"
        compact
        empty={<Empty description={m.orgTabEmpty} />}
        pagination={{
          current: page,
          pageSize: DEFAULT_PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
      />
    </div>
  );
}
