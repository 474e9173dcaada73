import { Alert, Card, Result, Skeleton, Tabs } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useMe } from '../features/auth/api';
import { memberMessages } from '../features/members/messages';
import { useOrg } from '../features/orgs/api';
import { orgMessages as m } from '../features/orgs/messages';
import { OrgHeader } from '../features/orgs/OrgHeader';
import { OrgInfoTab } from '../features/orgs/OrgInfoTab';
import { OrgStars } from '../features/ratings/OrgStars';
import { isApiError } from '../lib/api';

// Tabs other than 基本信息 (and the tables they use) load when opened.
const ChildrenTab = lazy(() => import('../features/orgs/ChildrenTab').then((x) => ({ default: x.ChildrenTab })));
const CommitteeTab = lazy(() => import('../features/orgs/CommitteeTab').then((x) => ({ default: x.CommitteeTab })));
const HistoryTab = lazy(() => import('../features/orgs/HistoryTab').then((x) => ({ default: x.HistoryTab })));
const OrgMembersTab = lazy(() => import('../features/members/OrgMembersTab').then((x) => ({ default: x.OrgMembersTab })));
const later = (node: ReactNode) => <Suspense fallback={<Skeleton active />}>{node}</Suspense>;

const TABS = ['info', 'committee', 'members', 'children', 'history'] as const;

export default function OrgPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const org = useOrg(id);
  const { data: me } = useMe();

  if (org.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (org.error) {
    const missing = isApiError(org.error) && (org.error.status === 404 || org.error.status === 400);
    return (
      <Card>
        <Result
          status={missing ? '404' : 'error'}
          title={missing ? m.notFoundTitle : org.error.message}
          subTitle={missing ? m.notFoundText : undefined}
        />
      </Card>
    );
  }
  const detail = org.data;
  const hasCommittee = detail.kind !== 'group';
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'info';

  return (
    <Card>
      <OrgHeader org={detail} />
      <OrgStars orgId={detail.id} />
      {detail.warnings.length > 0 && (
        <div style={{ display: 'grid', gap: 8, marginTop: 12 }} data-testid="org-warnings">
          {detail.warnings.map((w) => (
            <Alert key={w.code} type="warning" showIcon title={w.message} />
          ))}
        </div>
      )}
      <Tabs
        style={{ marginTop: 8 }}
        activeKey={tab === 'committee' && !hasCommittee ? 'info' : tab}
        onChange={(key) => setParams(key === 'info' ? {} : { tab: key }, { replace: true })}
        items={[
          { key: 'info', label: m.tabInfo, children: <OrgInfoTab org={detail} /> },
          ...(hasCommittee ? [{ key: 'committee', label: m.tabCommittee, children: later(<CommitteeTab org={detail} />) }] : []),
          ...(me?.abilities.members
            ? [{ key: 'members', label: memberMessages.orgTab, children: later(<OrgMembersTab orgId={detail.id} />) }]
            : []),
          { key: 'children', label: m.tabChildren, children: later(<ChildrenTab org={detail} />) },
          { key: 'history', label: m.tabHistory, children: later(<HistoryTab orgId={detail.id} />) },
        ]}
        destroyOnHidden
      />
    </Card>
  );
}
