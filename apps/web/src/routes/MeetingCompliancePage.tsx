import type { MeetingKind } from '@tongxin/contracts';
import { MEETING_KIND_LABELS, MEETING_KIND_SHORT, MEETING_KINDS, periodLabel } from '@tongxin/contracts/labels';
import { Alert, Card, Empty, Segmented, Select, Space, Switch, Table, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/api';
import { beijingToday, type Gap, useCompliance, useGaps } from '../features/meetings/api';
import { ComplianceGrid, Legend } from '../features/meetings/ComplianceGrid';
import { ComplianceOverview } from '../features/meetings/ComplianceOverview';
import { KindTag } from '../features/meetings/MeetingTags';
import { meetingMessages as m } from '../features/meetings/messages';
import { RulesCard } from '../features/meetings/RulesCard';
import { useOrg } from '../features/orgs/api';
import { OrgPicker } from '../features/orgs/OrgPicker';
import { useIsMobile } from '../lib/useIsMobile';

/** 三会一课落实情况: for a committee's subtree and a year, each branch per period of a kind, and the gaps. */
export default function MeetingCompliancePage() {
  const { data: me } = useMe();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const home = me?.grants.find((g) => g.orgId && ['committee_admin', 'instructor', 'secretary'].includes(g.role));
  const orgId = params.get('orgId') ?? home?.orgId ?? null;
  const thisYear = Number(beijingToday().slice(0, 4));
  const year = Number(params.get('year') ?? thisYear) || thisYear;
  const kind = (
    (MEETING_KINDS as readonly string[]).includes(params.get('kind') ?? '') ? params.get('kind') : 'committee_meeting'
  ) as MeetingKind;
  const tab = params.get('tab') ?? 'grid';
  const gapsOnly = params.get('gapsOnly') === 'true';
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 50) || 50;
  const gapPage = Number(params.get('gapPage') ?? 1) || 1;
  const org = useOrg(orgId ?? '');
  const grid = useCompliance(orgId ? { orgId, year, kind, gapsOnly, page, pageSize } : null);
  const gaps = useGaps(orgId && tab === 'gaps' ? { orgId, year, page: gapPage, pageSize: 20 } : null);
  const set = (next: Record<string, string | null>) => {
    const out = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null || v === '') out.delete(k);
      else out.set(k, v);
    }
    setParams(out);
  };
  if (!me) return null;
  const data = grid.data?.org.id === orgId && grid.data?.year === year && grid.data?.kind === kind ? grid.data : null;

  return (
    <Card>
      <PageHeader title={<span data-testid="compliance-title">{m.complianceTitle}</span>}>
        <Link to={orgId ? `/meetings?orgId=${orgId}` : '/meetings'}>{m.title}</Link>
      </PageHeader>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginBottom: 16 }}>
        <div style={{ flex: mobile ? '1 1 100%' : '0 1 420px' }} data-testid="compliance-org">
          <OrgPicker
            key={`${orgId}-${org.data ? 1 : 0}`}
            value={orgId}
            initialLabel={org.data?.name ?? null}
            placeholder={m.pickOrg}
            onChange={(id) => set({ orgId: id, page: null, gapPage: null })}
          />
        </div>
        <Select
          value={year}
          onChange={(y) => set({ year: String(y), page: null, gapPage: null })}
          options={[0, 1, 2, 3].map((i) => ({ value: thisYear - i, label: `${thisYear - i} 年` }))}
          style={{ width: 110 }}
          aria-label={m.year}
          data-testid="compliance-year"
        />
      </div>
      {!orgId && <Empty description={m.pickOrgHint} />}
      {grid.error && <Alert type="error" showIcon title={grid.error.message} style={{ marginBottom: 16 }} />}
      {orgId && (
        <Tabs
          activeKey={tab}
          onChange={(t) => set({ tab: t === 'grid' ? null : t })}
          items={[
            {
              key: 'grid',
              label: m.grid,
              children: data ? (
                <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                  <div>
                    <Typography.Title level={5}>{m.overview}</Typography.Title>
                    <ComplianceOverview data={data} onKind={(k) => set({ kind: k, page: null })} />
                  </div>
                  <div style={{ overflowX: 'auto' }}>
                    <Segmented
                      value={kind}
                      onChange={(k) => set({ kind: k as string, page: null })}
                      options={MEETING_KINDS.map((k) => ({
                        value: k,
                        label: mobile ? MEETING_KIND_SHORT[k] : MEETING_KIND_LABELS[k],
                      }))}
                      data-testid="compliance-kind"
                    />
                  </div>
                  <Space wrap size={16}>
                    <Legend />
                    <span>
                      <Switch
                        size="small"
                        checked={gapsOnly}
                        onChange={(v) => set({ gapsOnly: v ? 'true' : null, page: null })}
                        data-testid="gaps-only"
                      />{' '}
                      {m.gapsOnly}
                    </span>
                  </Space>
                  <ComplianceGrid
                    data={data}
                    loading={grid.isFetching}
                    mobile={mobile}
                    onPage={(p, s) => set({ page: String(p), pageSize: String(s) })}
                  />
                </Space>
              ) : (
                <Card loading variant="borderless" />
              ),
            },
            {
              key: 'gaps',
              label: m.gaps,
              children: (
                <Table<Gap>
                  rowKey={(g) => `${g.orgId}-${g.kind}-${g.period}`}
                  size="small"
                  loading={gaps.isFetching}
                  dataSource={gaps.data?.items ?? []}
                  locale={{ emptyText: <Empty description={m.gapsEmpty} /> }}
                  pagination={{
                    current: gapPage,
                    pageSize: 20,
                    total: gaps.data?.total ?? 0,
                    onChange: (p) => set({ gapPage: String(p) }),
                    showTotal: (n) => `共 ${n.toLocaleString('zh-CN')} 项缺开`,
                    simple: mobile,
                  }}
                  columns={[
                    {
                      title: m.branch,
                      dataIndex: 'orgName',
                      render: (name: string, g) => <Link to={`/meetings?orgId=${g.orgId}`}>{name}</Link>,
                    },
                    { title: m.kind, dataIndex: 'kind', width: 120, render: (k: MeetingKind) => <KindTag kind={k} /> },
                    { title: '期次', dataIndex: 'period', width: 150, render: (p: string) => periodLabel(p) },
                  ]}
                  data-testid="gaps-table"
                />
              ),
            },
            { key: 'rules', label: m.rules, children: <RulesCard year={year} /> },
          ]}
        />
      )}
    </Card>
  );
}
