import type { MeetingBody } from '@tongxin/contracts';
import { memberBody } from './members.support.js';
import { addUser, type Session, signIn, standardTree, type testApp } from './support.js';

type T = Awaited<ReturnType<typeof testApp>>;

export const NAMES = ['赵一', '钱二', '孙三', '李四', '周五', '吴六'];

/**
 * The meetings world: the standard tree (branchA1 has groupA1), today 2026-11-26 in Beijing, branchA1 with
 * five full members and one probationary member, a secretary of branchA1 and the committee admins.
 */
export async function meetingsWorld(t: T) {
  t.clock.set('2026-11-26T04:00:00Z');
  const tree = await standardTree(t.deps);
  for (const id of Object.values(tree)) {
    await t.deps.db.updateTable('org').set({ founded_on: '2020-01-01' }).where('id', '=', id).execute();
  }
  await addUser(t.deps, 'mt_secretary', [{ role: 'secretary', orgId: tree.branchA1 }]);
  await addUser(t.deps, 'mt_districtA', [{ role: 'committee_admin', orgId: tree.districtA }]);
  await addUser(t.deps, 'mt_districtB', [{ role: 'committee_admin', orgId: tree.districtB }]);
  await addUser(t.deps, 'mt_city', [{ role: 'committee_admin', orgId: tree.city }]);
  const secretary = await signIn(t.app, 'mt_secretary');
  const districtA = await signIn(t.app, 'mt_districtA');
  const districtB = await signIn(t.app, 'mt_districtB');
  const city = await signIn(t.app, 'mt_city');
  const members: string[] = [];
  for (const [i, name] of NAMES.entries()) {
    const probationary = i === NAMES.length - 1;
    const body = memberBody(tree.branchA1, {
      name,
      ...(probationary ? { status: 'probationary', fullOn: null, joinedOn: '2026-06-01' } : {}),
    });
    const res = await t.app.inject({ method: 'POST', url: '/api/members', headers: city.headers, payload: body });
    if (res.statusCode !== 201) throw new Error(`member: ${res.statusCode} ${res.body}`);
    members.push(res.json().id);
  }
  return { tree, secretary, districtA, districtB, city, members };
}

export function meeting(orgId: string, overrides: Partial<MeetingBody> = {}): MeetingBody {
  return {
    orgId,
    kind: 'general_meeting',
    status: 'held',
    date: '2026-10-15',
    time: '14:30',
    place: '公司三楼会议室',
    host: '张书记',
    recorder: '李委员',
    topics: '学习党的二十届四中全会精神',
    minutes: '会议传达学习了全会精神。\n大家逐一发言。',
    ...overrides,
  };
}

export const call = (t: T, s: Session | null, method: string, url: string, payload?: object) =>
  t.app.inject({ method: method as 'GET', url, headers: s?.headers ?? {}, ...(payload ? { payload } : {}) });
