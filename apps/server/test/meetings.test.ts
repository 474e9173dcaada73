import { describe, expect, it } from 'vitest';
import { Access, loadGrants } from '../src/access/access.js';
import { meetingsDueTodos } from '../src/modules/meetings/todo-meetings-due.js';
import { call, meeting, meetingsSuite, NAMES } from './meetings.support.js';
import { addUser } from './support.js';

const s = meetingsSuite();

describe('meeting records', () => {
  it('plans a meeting, then records it with attendance by name; the detail shows who came', async () => {
    const planned = await call(
      s.t,
      s.w.secretary,
      'POST',
      '/api/meetings',
      meeting(s.w.tree.branchA1, { status: 'planned', date: '2026-11-20', time: '09:00', kind: 'theme_day', minutes: null }),
    );
    expect(planned.statusCode).toBe(201);
    const id = planned.json().id;
    const roster = await call(s.t, s.w.secretary, 'GET', `/api/meetings/roster?orgId=${s.w.tree.branchA1}&kind=theme_day`);
    expect(
      roster
        .json()
        .members.map((m: { name: string }) => m.name)
        .sort(),
    ).toEqual([...NAMES].sort());
    const attendance = [
      ...s.everyone('present', s.w.members.slice(0, 4)),
      { memberId: s.w.members[4]!, attendance: 'on_leave' as const },
    ];
    const recorded = await call(
      s.t,
      s.w.secretary,
      'PUT',
      `/api/meetings/${id}`,
      meeting(s.w.tree.branchA1, { kind: 'theme_day', date: '2026-11-20', time: '09:00', attendance }),
    );
    expect(recorded.statusCode).toBe(200);
    const detail = (await call(s.t, s.w.secretary, 'GET', `/api/meetings/${id}`)).json();
    expect(detail.status).toBe('held');
    expect(detail.counts).toEqual({ expected: 6, present: 4, onLeave: 1 });
    expect(detail.attendees.find((a: { name: string }) => a.name === '吴六')).toMatchObject({
      attendance: 'absent',
      memberStatus: 'probationary',
    });
    expect(detail.startsAt).toBe('2026-11-20T01:00:00.000Z');
    const types = await s.t.deps.db.selectFrom('audit_log').select('type').where('object_id', '=', id).orderBy('seq').execute();
    expect(types.map((r) => r.type)).toEqual(['meeting.plan', 'meeting.record']);
    expect((await s.cellsOf(s.w.tree.branchA1, s.w.tree.branchA1, 'theme_day'))['2026-11']).toBe('on_time');
  });

  it('refuses what a record cannot be: a future date held, a group meeting at a branch, a name not expected, nobody present', async () => {
    const refuse = async (body: object, field: string) => {
      const res = await call(s.t, s.w.secretary, 'POST', '/api/meetings', body);
      expect(res.statusCode, JSON.stringify(res.json())).toBe(400);
      expect(JSON.stringify(res.json())).toContain(field);
    };
    await refuse(meeting(s.w.tree.branchA1, { date: '2026-12-01', attendance: s.everyone('present') }), '今天之后');
    await refuse(
      meeting(s.w.tree.branchA1, { kind: 'group_meeting', attendance: s.everyone('present') }),
      '党小组会应由党小组召开',
    );
    await refuse(meeting(s.w.tree.groupA1, { kind: 'committee_meeting', attendance: s.everyone('present') }), '应由党支部');
    await refuse(
      meeting(s.w.tree.branchA1, { attendance: [{ memberId: '0190aaaa-aaaa-7aaa-8aaa-aaaaaaaaaaaa', attendance: 'present' }] }),
      '不属于本组织',
    );
    await refuse(meeting(s.w.tree.branchA1, { attendance: s.everyone('absent') }), '至少点选一名实到');
    await refuse(meeting(s.w.tree.branchA1, { kind: 'party_lecture', attendance: s.everyone('present') }), '讲课人');
    await refuse(
      meeting(s.w.tree.branchA1, {
        kind: 'theme_day',
        attendance: s.everyone('present'),
        resolutions: [{ text: '决议', voted: true, inFavour: 3 }],
      }),
      '不进行表决',
    );
  });

  it('a meeting at 23:30 Beijing time on the last day of a quarter is stored as 15:30Z and counts for that quarter', async () => {
    const res = await call(
      s.t,
      s.w.secretary,
      'POST',
      '/api/meetings',
      meeting(s.w.tree.branchA1, { date: '2026-03-31', time: '23:30', attendance: s.everyone('present') }),
    );
    expect(res.statusCode).toBe(201);
    const row = await s.t.deps.db
      .selectFrom('meeting')
      .select(['starts_at', 'held_on'])
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ starts_at: '2026-03-31T15:30:00.000Z', held_on: '2026-03-31' });
    const cells = await s.cellsOf(s.w.tree.districtA, s.w.tree.branchA1, 'general_meeting');
    expect(cells['2026-Q1']).toBe('on_time');
    expect(cells['2026-Q2']).toBe('missing');
  });

  it('补开: a later meeting marked as making up Q2 shows as made up; one inside its own period is refused', async () => {
    const wrong = await call(
      s.t,
      s.w.secretary,
      'POST',
      '/api/meetings',
      meeting(s.w.tree.branchA1, { date: '2026-06-20', makesUpPeriod: '2026-Q2', attendance: s.everyone('present') }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(JSON.stringify(wrong.json())).toContain('不是补开');
    const late = await call(
      s.t,
      s.w.secretary,
      'POST',
      '/api/meetings',
      meeting(s.w.tree.branchA1, { date: '2026-07-08', makesUpPeriod: '2026-Q2', attendance: s.everyone('present') }),
    );
    expect(late.statusCode).toBe(201);
    const cells = await s.cellsOf(s.w.tree.districtA, s.w.tree.branchA1, 'general_meeting');
    expect(cells['2026-Q2']).toBe('made_up');
    // The makeup counts for Q2 only, not for the quarter it was held in.
    expect(cells['2026-Q3']).toBe('missing');
    expect(cells['2026-Q4']).toBe('due'); // nothing yet this quarter (the vote tests below add October meetings)
  });

  it('cancelling a record withdraws it from compliance', async () => {
    const res = await call(
      s.t,
      s.w.secretary,
      'POST',
      '/api/meetings',
      meeting(s.w.tree.branchA1, {
        kind: 'committee_meeting',
        date: '2026-09-10',
        attendance: s.everyone('present', s.w.members.slice(0, 3)),
      }),
    );
    expect((await s.cellsOf(s.w.tree.branchA1, s.w.tree.branchA1, 'committee_meeting'))['2026-09']).toBe('on_time');
    const cancel = await call(s.t, s.w.secretary, 'POST', `/api/meetings/${res.json().id}/cancel`, { reason: '误录，重复登记' });
    expect(cancel.statusCode).toBe(200);
    expect((await s.cellsOf(s.w.tree.branchA1, s.w.tree.branchA1, 'committee_meeting'))['2026-09']).toBe('missing');
  });
});

describe('votes at general meetings (quorum rule)', () => {
  // branchA1: five full members and one probationary (who attends but does not vote).
  const vote = async (present: number, inFavour: number, writtenInFavour = 0, probationaryPresent = true) => {
    const attendance = s.w.members.map((memberId, i) => ({
      memberId,
      attendance: (i === 5 ? (probationaryPresent ? 'present' : 'absent') : i < present ? 'present' : 'absent') as
        | 'present'
        | 'absent',
    }));
    const res = await call(
      s.t,
      s.w.secretary,
      'POST',
      '/api/meetings',
      meeting(s.w.tree.branchA1, {
        attendance,
        resolutions: [{ text: '同意接收某某为预备党员', voted: true, inFavour, against: 0, abstain: 0, writtenInFavour }],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    return (await call(s.t, s.w.secretary, 'GET', `/api/meetings/${res.json().id}`)).json().resolutions[0].vote;
  };

  it.each([
    // present full members of 5: 2 is not more than half → invalid, whatever the votes
    [2, 2, 1, false, false, '未超过应到 5 人的半数，表决无效'],
    [3, 3, 0, true, true, '通过'],
    // passes on more than half of those entitled (5), not of those present (3)
    [3, 2, 0, true, false, '未超过应到会有表决权党员 5 人的半数，未通过'],
    // absentees' written opinions count toward passing
    [3, 2, 1, true, true, '赞成 3 票'],
    [5, 3, 0, true, true, '通过'],
  ])(
    '%i of 5 full members present, %i in favour + %i written → valid %s, passed %s',
    async (present, inFavour, written, valid, passed, reason) => {
      const v = await vote(present, inFavour, written);
      expect(v).toMatchObject({ entitled: 5, present, valid, passed });
      expect(v.reason).toContain(reason);
    },
  );

  it('probationary members do not count as present voters, and votes cannot exceed those present', async () => {
    const v = await vote(3, 3, 0, true);
    expect(v.present).toBe(3);
    const res = await call(
      s.t,
      s.w.secretary,
      'POST',
      '/api/meetings',
      meeting(s.w.tree.branchA1, {
        attendance: s.everyone('present'),
        resolutions: [{ text: '决议', voted: true, inFavour: 6, against: 0, abstain: 0, writtenInFavour: 0 }],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('不能多于到会有表决权的5人');
  });
});

describe('to-do source: a meeting kind due this period and not held', () => {
  const todosOf = async (username: string) => {
    const user = await s.t.deps.db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
    const grants = await loadGrants(s.t.deps.db, user.id);
    return s.t.deps.db.transaction().execute((trx) =>
      meetingsDueTodos({
        trx,
        access: new Access(trx, { id: user.id, username: user.username, displayName: user.display_name }, grants),
        userId: user.id,
        today: '2026-11-26',
      }),
    );
  };

  it('lists the secretary’s branch kinds still due this period, with where to plan them', async () => {
    const items = await todosOf('mt_secretary');
    const titles = items.map((i) => i.title);
    // Held this period: the theme day (Nov) and the general meeting (Oct, Q4); the group meeting was in October.
    expect(titles.some((x) => x.includes('主题党日'))).toBe(false);
    expect(titles.some((x) => x.includes('支部党员大会'))).toBe(false);
    expect(titles).toContain('甲一科技有限公司党支部本月尚未召开支委会');
    expect(titles).toContain('甲一科技有限公司党支部本月尚未召开党小组会');
    expect(titles).toContain('甲一科技有限公司党支部今年尚未召开组织生活会');
    const committee = items.find((i) => i.title.includes('支委会'))!;
    expect(committee).toMatchObject({
      due: '2026-11-30',
      orgId: s.w.tree.branchA1,
      href: `/meetings?orgId=${s.w.tree.branchA1}&plan=committee_meeting`,
    });
    expect(items.every((i) => i.orgId === s.w.tree.branchA1)).toBe(true);
  });

  it('a district admin gets its branches’ items; a user without meeting.manage gets none', async () => {
    const items = await todosOf('mt_districtA');
    expect(new Set(items.map((i) => i.orgId))).toEqual(new Set([s.w.tree.branchA1, s.w.tree.branchA2]));
    await addUser(s.t.deps, 'mt_instructor', [{ role: 'instructor', orgId: s.w.tree.districtA }]);
    expect(await todosOf('mt_instructor')).toEqual([]);
  });
});
