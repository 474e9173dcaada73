import { PlusOutlined } from '@ant-design/icons';
import type { OrgDetail, OrgSummary } from '@tongxin/contracts';
import { ALLOWED_CHILD_KINDS } from '@tongxin/contracts/labels';
import { Button, Empty, Table, Tag } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { useIsMobile } from '../../lib/useIsMobile';
import { useOrgChildren } from './api';
import { orgMessages as m, orgKindLabel } from './messages';

const CreateOrgDrawer = lazy(() => import('./CreateOrgDrawer').then((x) => ({ default: x.CreateOrgDrawer })));

export function ChildrenTab({ org }: { org: OrgDetail }) {
  const mobile = useIsMobile();
  const children = useOrgChildren(org.id);
  const [creating, setCreating] = useState(false);
  const canCreate = org.abilities.manage && org.status === 'active' && ALLOWED_CHILD_KINDS[org.kind].length > 0;
  const createButton = canCreate && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-child">
      {m.createChild}
    </Button>
  );

  return (
    <div>
      {canCreate && (children.data?.length ?? 0) > 0 && <div style={{ marginBottom: 12 }}>{createButton}</div>}
      <Table<OrgSummary>
        size="small"
        rowKey="id"
        loading={children.isPending}
        dataSource={children.data ?? []}
        pagination={(children.data?.length ?? 0) > 20 ? { pageSize: 20, showTotal: (t) => `共 ${t} 个` } : false}
        locale={{
          emptyText: <Empty description={canCreate ? m.childrenEmpty : m.childrenEmptyReadonly}>{createButton}</Empty>,
        }}
        columns={[
          {
            title: m.name,
            dataIndex: 'name',
            render: (name: string, r) => (
              <div>
                <Link to={`/orgs/${r.id}`}>{name}</Link>
                {mobile && (
                  <div style={{ color: '#888', fontSize: 12 }}>
                    {orgKindLabel(r.kind, r.level)} · {m.childCount} {r.childCount}
                  </div>
                )}
              </div>
            ),
          },
          ...(mobile
            ? []
            : [{ title: m.kind, key: 'kind', width: 120, render: (_: unknown, r: OrgSummary) => orgKindLabel(r.kind, r.level) }]),
          {
            title: m.status,
            dataIndex: 'status',
            width: 90,
            render: (s: OrgSummary['status']) => (
              <Tag color={s === 'active' ? 'green' : 'default'}>{s === 'active' ? m.statusActive : m.statusArchived}</Tag>
            ),
          },
          ...(mobile ? [] : [{ title: m.childCount, dataIndex: 'childCount', width: 110, align: 'right' as const }]),
        ]}
      />
      {creating && (
        <Suspense>
          <CreateOrgDrawer parent={org} onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </div>
  );
}
