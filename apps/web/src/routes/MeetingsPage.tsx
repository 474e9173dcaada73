import { CalendarOutlined, EditOutlined, HeatMapOutlined } from '@ant-design/icons';
import type { MeetingKind } from '@tongxin/contracts';
import { MEETING_BRANCH_KINDS, MEETING_KIND_LABELS, MEETING_KINDS } from '@tongxin/contracts/labels';
import { Alert, Button, Card, Empty, Segmented, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/api';
import { beijingToday, useInvalidateMeetings, useMeeting, useMeetings } from '../features/meetings/api';
import { MeetingCalendar } from '../features/meetings/MeetingCalendar';
import { MeetingDetailDrawer } from '../features/meetings/MeetingDetailDrawer';
import { MeetingFormDrawer } from '../features/meetings/MeetingFormDrawer';
import { MeetingList } from '../features/meetings/MeetingList';
import { meetingMessages as m } from '../features/meetings/messages';
import { useOrg } from '../features/orgs/api';
import { OrgPicker } from '../features/orgs/OrgPicker';
import { useIsMobile } from '../lib/useIsMobile';

type Form = { mode: 'planned' | 'held'; meetingId?: string; kind?: MeetingKind };
const HOLDERS: readonly string[] = [...MEETING_BRANCH_KINDS, 'group'];

/** 组织生活: one org's meetings (and its branches', for a committee) as a calendar or a list; plan and record. */
export default function MeetingsPage() {
  const { data: me } = useMe();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const home = me?.grants.find((g) => g.orgId && ['secretary', 'committee_admin', 'instructor'].includes(g.role));
  const orgId = params.get('orgId') ?? home?.orgId ?? null;
  const view = params.get('view') === 'calendar' ? 'calendar' : 'list';
  const kind = (MEETING_KINDS as readonly string[]).includes(params.get('kind') ?? '')
    ? (params.get('kind') as MeetingKind)
    : undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const month = dayjs(
    /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? `${params.get('month')}-01` : `${beijingToday().slice(0, 7)}-01`,
  );
  const org = useOrg(orgId ?? '');
  const invalidate = useInvalidateMeetings();
  const plan = params.get('plan');
  const [form, setForm] = useState<Form | null>(
    plan && (MEETING_KINDS as readonly string[]).includes(plan) ? { mode: 'planned', kind: plan as MeetingKind } : null,
  );
  const openId = params.get('id');
  const editing = useMeeting(form?.meetingId ?? null);

  const query = orgId
    ? view === 'calendar'
      ? {
          orgId,
          kind,
          from: month.startOf('month').format('YYYY-MM-DD'),
          to: month.endOf('month').format('YYYY-MM-DD'),
          pageSize: 200,
        }
      : { orgId, kind, page, pageSize }
    : null;
  const list = useMeetings(query);

  const set = (next: Record<string, string | null | undefined>) => {
    const out = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null || v === undefined || v === '') out.delete(k);
      else out.set(k, v);
    }
    setParams(out);
  };
  if (!me) return null;

  const holder = org.data && HOLDERS.includes(org.data.kind);
  const canManage = me.abilities.manageMeetings && holder && org.data?.status === 'active';
  const orgInfo = org.data ? { id: org.data.id, name: org.data.name, kind: org.data.kind } : null;

  return (
    <Card>
      <PageHeader title={<span data-testid="meetings-title">{`${m.title}（${m.subtitle}）`}</span>}>
        <Space wrap size={8}>
          {canManage && (
            <>
              <Button icon={<CalendarOutlined />} onClick={() => setForm({ mode: 'planned' })} data-testid="plan-meeting">
                {m.plan}
              </Button>
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => setForm({ mode: 'held' })}
                data-testid="record-meeting"
              >
                {m.record}
              </Button>
            </>
          )}
          <Button
            icon={<HeatMapOutlined />}
            onClick={() => navigate(orgId ? `/meetings/compliance?orgId=${orgId}` : '/meetings/compliance')}
          >
            {m.complianceTitle}
          </Button>
        </Space>
      </PageHeader>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginBottom: 16 }}>
        <div style={{ flex: mobile ? '1 1 100%' : '0 1 420px' }} data-testid="meetings-org">
          <OrgPicker
            key={`${orgId}-${org.data ? 1 : 0}`}
            value={orgId}
            initialLabel={org.data?.name ?? null}
            placeholder={m.pickOrg}
            onChange={(id) => set({ orgId: id, page: null })}
          />
        </div>
        <Select
          allowClear
          placeholder={m.allKinds}
          value={kind}
          onChange={(k) => set({ kind: k ?? null, page: null })}
          options={MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))}
          style={{ width: mobile ? '100%' : 160 }}
          aria-label={m.kind}
        />
        {!mobile && (
          <Segmented
            value={view}
            onChange={(v) => set({ view: v === 'list' ? null : v })}
            options={[
              { value: 'list', label: m.list },
              { value: 'calendar', label: m.calendar },
            ]}
            data-testid="meetings-view"
          />
        )}
      </div>
      {!orgId && <Empty description={m.pickOrgHint} />}
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      {orgId && org.data && !holder && me.abilities.manageMeetings && (
        <Alert
          type="info"
          showIcon
          title="这是党委，列出的是下级支部的会议；计划或记录会议请在上方选择具体的党支部或党小组"
          style={{ marginBottom: 12 }}
        />
      )}
      {orgId && view === 'calendar' && !mobile && (
        <MeetingCalendar
          month={month}
          items={list.data?.items ?? []}
          onMonth={(d) => set({ month: d.format('YYYY-MM') })}
          onOpen={(id) => set({ id })}
        />
      )}
      {orgId && (view === 'list' || mobile) && (
        <MeetingList
          items={list.data?.items ?? []}
          total={list.data?.total ?? 0}
          page={page}
          pageSize={pageSize}
          loading={list.isFetching}
          showOrg={!holder || org.data?.kind === 'general_branch'}
          emptyText={holder ? m.empty : m.emptyCommittee}
          onPage={(p, s) => set({ page: String(p), pageSize: String(s) })}
          onOpen={(id) => set({ id })}
        />
      )}
      {openId && (
        <MeetingDetailDrawer
          id={openId}
          onClose={() => set({ id: null })}
          onEdit={(mode) => {
            // One drawer at a time: the form replaces the detail, which comes back after saving.
            setForm({ mode, meetingId: openId });
            set({ id: null });
          }}
          onChanged={() => void invalidate()}
        />
      )}
      {form && orgInfo && (!form.meetingId || editing.data) && (
        <MeetingFormDrawer
          org={
            form.meetingId && editing.data
              ? {
                  id: editing.data.org.id,
                  name: editing.data.org.name,
                  kind: editing.data.kind === 'group_meeting' ? 'group' : 'branch',
                }
              : orgInfo
          }
          meeting={form.meetingId ? editing.data : undefined}
          mode={form.mode}
          initialKind={form.kind}
          onClose={() => {
            setForm(null);
            if (plan) set({ plan: null });
          }}
          onSaved={(id) => {
            setForm(null);
            void invalidate();
            set({ id, plan: null });
          }}
        />
      )}
    </Card>
  );
}
