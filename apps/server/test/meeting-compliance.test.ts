import { describe, expect, it } from 'vitest';
import { call, meeting, meetingsSuite, NAMES } from './meetings.support.js';

const s = meetingsSuite();

describe('compliance', () => {
  it('only branches with groups are asked for group meetings; a group meeting counts for its branch', async () => {
    const before = await s.grid(s.w.tree.districtA, 'group_meeting');
    const rows = Object.fromEntries(
      before.json().rows.items.map((r: { orgId: string; cells: { status: string }[] }) => [r.orgId, r.cells]),
    );
    expect(rows[s.w.tree.branchA2].every((c: { status: string }) => c.status === 'not_required')).toBe(true);
    expect(rows[s.w.tree.branchA1][9].status).toBe('missing');
    const res = await call(
      s.t,
      s.w.secretary,
      'POST',
      '/api/meetings',
      meeting(s.w.tree.groupA1, { kind: 'group_meeting', date: '2026-10-09', attendance: s.everyone('present') }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect((await s.cellsOf(s.w.tree.districtA, s.w.tree.branchA1, 'group_meeting'))['2026-10']).toBe('on_time');
  });

  it('a branch created mid-quarter is measured from the next quarter; the gaps list names each missing period', async () => {
    await s.t.deps.db.updateTable('org').set({ founded_on: '2026-05-15' }).where('id', '=', s.w.tree.branchA2).execute();
    const cells = await s.cellsOf(s.w.tree.districtA, s.w.tree.branchA2, 'general_meeting');
    expect(cells).toEqual({ '2026-Q1': 'not_required', '2026-Q2': 'not_required', '2026-Q3': 'missing', '2026-Q4': 'due' });
    const gaps = (
      await call(s.t, s.w.districtA, 'GET', `/api/meetings/compliance/gaps?orgId=${s.w.tree.districtA}&year=2026&pageSize=200`)
    ).json();
    const a2 = gaps.items.filter((g: { orgId: string }) => g.orgId === s.w.tree.branchA2);
    expect(a2.filter((g: { kind: string }) => g.kind === 'general_meeting').map((g: { period: string }) => g.period)).toEqual([
      '2026-Q3',
    ]);
    expect(a2.filter((g: { kind: string }) => g.kind === 'committee_meeting').map((g: { period: string }) => g.period)).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
  });

  it('committee meetings are asked only of branches with a committee; a committee meeting’s roster is the committee', async () => {
    const res = await call(
      s.t,
      s.w.city,
      'GET',
      `/api/meetings/compliance?orgId=${s.w.tree.districtB}&year=2026&kind=committee_meeting`,
    );
    const b1 = res.json().rows.items.find((r: { orgId: string }) => r.orgId === s.w.tree.branchB1);
    expect(b1.cells.every((c: { status: string }) => c.status === 'not_required')).toBe(true);
    const roster = (
      await call(s.t, s.w.secretary, 'GET', `/api/meetings/roster?orgId=${s.w.tree.branchA1}&kind=committee_meeting`)
    ).json();
    expect(roster.members.map((m: { name: string }) => m.name).sort()).toEqual(NAMES.slice(0, 3).sort());
    expect(roster.committeeSize).toBe(3);
    // Two of three present: more than half, so the committee's vote is valid.
    const held = await call(
      s.t,
      s.w.secretary,
      'POST',
      '/api/meetings',
      meeting(s.w.tree.branchA1, {
        kind: 'committee_meeting',
        date: '2026-08-12',
        attendance: [
          { memberId: s.w.members[0]!, attendance: 'present' },
          { memberId: s.w.members[1]!, attendance: 'present' },
        ],
        resolutions: [{ text: '同意推荐为入党积极分子', voted: true, inFavour: 2, against: 0, abstain: 0, writtenInFavour: 0 }],
      }),
    );
    expect(held.statusCode, held.body).toBe(201);
    const detail = (await call(s.t, s.w.secretary, 'GET', `/api/meetings/${held.json().id}`)).json();
    expect(detail.committeeQuorum).toEqual({ size: 3, present: 2, met: true });
    expect(detail.resolutions[0].vote).toMatchObject({ entitled: 3, present: 2, valid: true, passed: true });
    expect(detail.resolutions[0].vote.reason).toContain('支委会委员');
  });

  it('the grid is scoped: a district sees its branches only; another district gets 404', async () => {
    const mine = await s.grid(s.w.tree.districtA, 'committee_meeting');
    expect(
      mine
        .json()
        .rows.items.map((r: { name: string }) => r.name)
        .sort(),
    ).toEqual(['甲一科技有限公司党支部', '甲二网络有限公司党支部'].sort());
    expect(mine.json().branchCount).toBe(2);
    const other = await call(s.t, s.w.districtB, 'GET', `/api/meetings/compliance?orgId=${s.w.tree.districtA}&year=2026`);
    expect(other.statusCode).toBe(404);
  });

  it('the city changes a frequency from a year on; a district admin may not', async () => {
    const denied = await call(s.t, s.w.districtA, 'PUT', '/api/meetings/rules', {
      kind: 'party_lecture',
      fromYear: 2026,
      frequency: 'month',
    });
    expect(denied.statusCode).toBe(403);
    const ok = await call(s.t, s.w.city, 'PUT', '/api/meetings/rules', {
      kind: 'party_lecture',
      fromYear: 2026,
      frequency: 'month',
    });
    expect(ok.statusCode).toBe(200);
    const res = await s.grid(s.w.tree.districtA, 'party_lecture');
    expect(res.json().frequency).toBe('month');
    expect(res.json().periods).toHaveLength(12);
    expect((await s.grid(s.w.tree.districtA, 'party_lecture', 2025)).json().frequency).toBe('quarter');
    const rules = (await call(s.t, s.w.districtA, 'GET', '/api/meetings/rules')).json();
    expect(rules.canEdit).toBe(false);
    expect(rules.overrides).toEqual([
      expect.objectContaining({ kind: 'party_lecture', fromYear: 2026, frequency: 'month', setByName: 'mt_city' }),
    ]);
  });
});
