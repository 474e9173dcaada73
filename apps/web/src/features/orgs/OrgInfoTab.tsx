import type { OrgDetail } from '@tongxin/contracts';
import { Descriptions, Tag } from 'antd';
import { Link } from 'react-router';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { useIsMobile } from '../../lib/useIsMobile';
import { orgMessages as m, orgKindLabel } from './messages';

export function OrgInfoTab({ org }: { org: OrgDetail }) {
  const mobile = useIsMobile();
  const parent = org.path.length > 1 ? org.path[org.path.length - 2] : null;
  return (
    <Descriptions
      bordered
      size="small"
      column={mobile ? 1 : 2}
      styles={{ label: { whiteSpace: 'nowrap', width: mobile ? undefined : 160 } }}
      items={[
        { key: 'name', label: m.name, children: org.name, span: mobile ? 1 : 2 },
        { key: 'kind', label: m.kind, children: orgKindLabel(org.kind, org.level) },
        {
          key: 'status',
          label: m.status,
          children: (
            <Tag color={org.status === 'active' ? 'green' : 'default'}>
              {org.status === 'active' ? m.statusActive : m.statusArchived}
            </Tag>
          ),
        },
        {
          key: 'parent',
          label: m.parent,
          children: parent ? <Link to={`/orgs/${parent.id}`}>{parent.name}</Link> : org.parentId ? m.none : m.topLevel,
          span: mobile ? 1 : 2,
        },
        { key: 'founded', label: m.foundedOn, children: formatDate(org.foundedOn) },
        { key: 'created', label: m.createdAt, children: formatDateTime(org.createdAt) },
        { key: 'children', label: m.childCount, children: `${formatNumber(org.childCount)} ${m.unitCount}` },
        { key: 'descendants', label: m.descendantCount, children: `${formatNumber(org.descendantCount)} ${m.unitCount}` },
        { key: 'members', label: m.fullMemberCount, children: `${formatNumber(org.fullMemberCount)} ${m.personCount}` },
        {
          key: 'term',
          label: m.committeeTerm,
          children: org.committee ? `${org.committee.termStart} 至 ${org.committee.termEnd}` : m.none,
        },
      ]}
    />
  );
}
