import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/api';
import { ApplicationDrawer } from '../features/development/ApplicationDrawer';
import { useBoard } from '../features/development/api';
import { DeadlinesList } from '../features/development/DeadlinesList';
import { developmentMessages as m } from '../features/development/messages';
import { NoticesTab } from '../features/development/NoticesTab';
import { PipelineBoard } from '../features/development/PipelineBoard';
import { PlansTab } from '../features/development/PlansTab';
import { TalentsTab } from '../features/development/TalentsTab';
import { OrgPicker } from '../features/orgs/OrgPicker';
import { useIsMobile } from '../lib/useIsMobile';

const TABS = ['board', 'deadlines', 'notices', 'plans', 'talents'] as const;
type Tab = (typeof TABS)[number];

/** 发展党员: one org (and everything under it) at a time; the tab and the org live in the URL. */
export default function DevelopmentPage() {
  const { data: me } = useMe();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const home = me?.grants.find((g) => g.orgId && (g.role === 'secretary' || g.role === 'committee_admin'));
  const orgId = params.get('orgId') ?? home?.orgId ?? null;
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'board';
  const board = useBoard(tab === 'board' ? orgId : null);
  const [creating, setCreating] = useState(false);
  if (!me) return null;
  const label = orgId === home?.orgId ? (home?.orgName ?? null) : null;
  const go = (next: { orgId?: string | null; tab?: Tab }) => {
    const out: Record<string, string> = {};
    const o = next.orgId === undefined ? orgId : next.orgId;
    if (o) out.orgId = o;
    const t = next.tab ?? tab;
    if (t !== 'board') out.tab = t;
    setParams(out);
  };

  return (
    <Card>
      <PageHeader title={<span data-testid="development-title">{m.title}</span>}>
        {me.abilities.manageDevelopment && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="development-create">
            {m.newApplication}
          </Button>
        )}
      </PageHeader>
      <div style={{ marginBottom: 12, maxWidth: mobile ? undefined : 420 }} data-testid="development-org">
        <OrgPicker
          key={`${orgId}-${label ? 1 : 0}`}
          value={orgId}
          initialLabel={label}
          placeholder={m.pickOrg}
          onChange={(id) => go({ orgId: id })}
        />
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => go({ tab: key as Tab })}
        items={TABS.map((key) => ({ key, label: m.tabs[key] }))}
      />
      {!orgId && <Empty description={m.pickOrgHint} />}
      {orgId && tab === 'board' && (
        <>
          {board.error && <Alert type="error" showIcon title={board.error.message} style={{ marginBottom: 16 }} />}
          {board.data?.truncated && (
            <Alert type="info" showIcon title={m.truncated(board.data.people.length)} style={{ marginBottom: 12 }} />
          )}
          {board.data && (
            <div style={{ marginBottom: 8, color: 'rgba(0,0,0,0.45)' }} data-testid="done-count">
              {m.doneCount(board.data.counts.done ?? 0)}
            </div>
          )}
          {board.data ? (
            <PipelineBoard board={board.data} orgId={orgId} mobile={mobile} />
          ) : (
            <Card loading variant="borderless" />
          )}
        </>
      )}
      {orgId && tab === 'deadlines' && <DeadlinesList orgId={orgId} mobile={mobile} />}
      {orgId && tab === 'notices' && <NoticesTab orgId={orgId} mobile={mobile} />}
      {orgId && tab === 'plans' && <PlansTab orgId={orgId} mobile={mobile} />}
      {orgId && tab === 'talents' && <TalentsTab orgId={orgId} mobile={mobile} />}
      {creating && (
        <ApplicationDrawer
          defaultOrg={home?.orgId ? { id: home.orgId, name: home.orgName ?? '' } : null}
          onClose={() => setCreating(false)}
        />
      )}
    </Card>
  );
}
