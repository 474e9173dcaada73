import { MedicineBoxOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { DownloadButton } from '../components/DownloadButton';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/api';
import { useMembers } from '../features/members/api';
import {
  activeFilters,
  exportHref,
  type FilterPart,
  isPersonalNumber,
  type MemberFilter,
  PAGE_SIZES,
  readFilter,
  writeFilter,
} from '../features/members/filters';
import { MemberFilters } from '../features/members/MemberFilters';
import { MemberFormDrawer } from '../features/members/MemberFormDrawer';
import { MemberList } from '../features/members/MemberList';
import { memberMessages as m } from '../features/members/messages';
import { formatNumber } from '../lib/format';
import { useIsMobile } from '../lib/useIsMobile';

export default function MembersPage() {
  const { data: me } = useMe();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { state } = useLocation();
  const filter = readFilter(params, state);
  const list = useMembers(filter);
  const [creating, setCreating] = useState(false);
  if (!me) return null;

  const go = (next: MemberFilter, replace = false) =>
    setParams(writeFilter(next), { replace, state: next.q && isPersonalNumber(next.q) ? { q: next.q } : null });
  const filtered = (f: FilterPart, typing?: boolean) =>
    go({ ...f, sort: filter.sort, page: 1, pageSize: filter.pageSize }, typing && filter.q !== undefined);
  const can = me.abilities;
  const total = list.data?.total ?? 0;
  const narrowed = filter.q !== undefined || activeFilters(filter) > 0;
  const empty = (
    <Empty
      description={
        filter.archived && !filter.q
          ? m.emptyArchived
          : narrowed
            ? m.emptyFiltered
            : can.manageMembers
              ? m.empty
              : m.emptyReadonly
      }
    />
  );

  return (
    <Card>
      <PageHeader
        title={
          <span data-testid="members-title">
            {m.title}
            {list.data && (
              <span
                style={{ fontSize: 14, fontWeight: 400, color: 'rgba(0,0,0,0.45)', marginInlineStart: 12 }}
                data-testid="members-total"
              >
                {m.total(formatNumber(total))}
              </span>
            )}
          </span>
        }
      >
        <Space wrap size={8}>
          {can.manageMembers && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-member">
              {m.create}
            </Button>
          )}
          {can.importMembers && (
            <Link to="/members/import">
              <Button icon={<UploadOutlined />}>{m.import}</Button>
            </Link>
          )}
          {can.exportMembers && (
            <Tooltip title={m.exportHint}>
              <DownloadButton href={exportHref(filter)} fileName="党员名册.xlsx" data-testid="export-members">
                {m.export}
              </DownloadButton>
            </Tooltip>
          )}
          <Link to={filter.orgId ? `/members/health?orgId=${filter.orgId}` : '/members/health'}>
            <Button icon={<MedicineBoxOutlined />}>{m.health}</Button>
          </Link>
        </Space>
      </PageHeader>
      <MemberFilters value={filter} mobile={mobile} onChange={filtered} />
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      <MemberList
        items={list.data?.items ?? []}
        loading={list.isFetching}
        sort={filter.sort}
        empty={empty}
        onSort={(sort) => go({ ...filter, sort, page: 1 })}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (t) => m.total(formatNumber(t)),
          onChange: (page, pageSize) => go({ ...filter, page: pageSize !== filter.pageSize ? 1 : page, pageSize }),
        }}
      />
      {creating && (
        <MemberFormDrawer
          org={null}
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            navigate(`/members/${id}`);
          }}
        />
      )}
    </Card>
  );
}
