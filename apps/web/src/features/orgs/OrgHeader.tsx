import type { OrgDetail } from '@tongxin/contracts';
import { Alert, Breadcrumb, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format';
import { orgMessages as m, orgKindLabel } from './messages';
import { OrgActions } from './OrgActions';

export function OrgHeader({ org }: { org: OrgDetail }) {
  const active = org.status === 'active';
  return (
    <div>
      {org.path.length > 1 && (
        <Breadcrumb
          items={org.path.map((p, i) => ({
            key: p.id,
            title: i === org.path.length - 1 ? p.name : <Link to={`/orgs/${p.id}`}>{p.name}</Link>,
          }))}
        />
      )}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', marginTop: 12 }}>
        <Typography.Title level={4} style={{ margin: 0, minWidth: 0, overflowWrap: 'anywhere' }} data-testid="org-title">
          {org.name}
        </Typography.Title>
        <Space size={4} wrap>
          <Tag color="red">{orgKindLabel(org.kind, org.level)}</Tag>
          <Tag color={active ? 'green' : 'default'}>{active ? m.statusActive : m.statusArchived}</Tag>
        </Space>
        <div style={{ flex: 1 }} />
        {active && org.abilities.manage && <OrgActions org={org} />}
      </div>
      {!active && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          title={m.archivedNotice(formatDate(org.archivedAt), org.archiveReason)}
          description={
            org.mergedInto ? (
              <span>
                {m.mergedNotice}
                <Link to={`/orgs/${org.mergedInto.id}`}>{org.mergedInto.name}</Link>
              </span>
            ) : undefined
          }
        />
      )}
    </div>
  );
}
