import { type AppraisalGrade, appraisalRulesFor, maxExcellent } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import {
  type AppraisalEntryRecord,
  activeMembersOf,
  insertAppraisal,
  insertEntries,
  newEntry,
} from '../modules/appraisals/appraisal.repository.js';
import { resultLine } from '../modules/appraisals/appraisal-result.js';
import { addMemberHistory } from '../modules/members/member.repository.js';
import { findOrg } from '../modules/orgs/org.repository.js';
import type { Trx } from '../platform/db/connect.js';
import { prng } from './names.js';

const DAY = 86_400_000;
const SELF = [
  '认真学习党的创新理论，按时参加组织生活，按时足额交纳党费，在岗位上发挥了党员先锋模范作用。',
  '能够按时参加“三会一课”，积极参与支部活动；不足是理论学习的系统性还不够，今后加强。',
  '完成了本职工作，带头参与企业重点项目攻关；联系群众还不够经常，今后改进。',
];

/**
 * Last year's appraisal closed for three branches (results in the members' timelines), and this year's in
 * progress at the secretary's branch (part graded) and at one joint branch (just opened).
 */
export async function seedDemoAppraisals(trx: Trx, o: { orgIds: Map<string, string>; now: Date; today: string }) {
  const rand = prng(1921);
  const year = Number(o.today.slice(0, 4));
  const secretary = await trx
    .selectFrom('app_user')
    .select(['id', 'display_name'])
    .where('username', '=', 'secretary')
    .executeTakeFirst();
  const actor = { id: secretary?.id ?? null, name: secretary?.display_name ?? '演示数据' };
  let count = 0;
  const seed = async (key: string, y: number, state: 'closed' | 'partly' | 'opened') => {
    const orgId = o.orgIds.get(key);
    if (!orgId) return;
    const org = (await findOrg(trx, orgId))!;
    const members = await activeMembersOf(trx, orgId);
    const full = members.filter((m) => m.status === 'full');
    const excellentIds = new Set(
      [...full]
        .sort(() => rand() - 0.5)
        .slice(0, Math.min(maxExcellent(full.length, appraisalRulesFor(y)), Math.round(full.length * 0.2)))
        .map((m) => m.id),
    );
    const basic = full.length >= 10 ? full.find((m) => !excellentIds.has(m.id))?.id : undefined;
    const openedAt =
      state === 'closed' ? Date.parse(`${y}-12-01T02:00:00Z`) : o.now.getTime() - (state === 'partly' ? 10 : 1) * DAY;
    const closedAt = state === 'closed' ? new Date(Date.parse(`${y}-12-26T08:00:00Z`)).toISOString() : null;
    const id = uuidv7();
    await insertAppraisal(trx, {
      id,
      orgId,
      year: y,
      status: state === 'closed' ? 'closed' : 'open',
      openedAt: new Date(openedAt).toISOString(),
      openedBy: actor.id,
      openedByName: actor.name,
      closedAt,
      closedBy: closedAt ? actor.id : null,
      closedByName: closedAt ? actor.name : null,
    });
    const entries: AppraisalEntryRecord[] = members.map((m, i) => {
      const assessed = state === 'closed' || (state === 'partly' && i % 5 < 2);
      const grade: AppraisalGrade | null =
        !assessed || m.status !== 'full'
          ? null
          : excellentIds.has(m.id)
            ? 'excellent'
            : m.id === basic
              ? 'basically_qualified'
              : 'qualified';
      const n = members.length;
      const excellentVotes = grade === 'excellent' ? Math.round(n * (0.6 + rand() * 0.3)) : Math.round(n * rand() * 0.2);
      const unqualifiedVotes = grade === 'basically_qualified' ? 1 : 0;
      const basicVotes = grade === 'basically_qualified' ? Math.round(n * 0.3) : 0;
      return {
        ...newEntry(id, m),
        selfAssessment: assessed ? SELF[Math.floor(rand() * SELF.length)]! : null,
        mutual: assessed
          ? {
              excellent: excellentVotes,
              qualified: n - excellentVotes - basicVotes - unqualifiedVotes,
              basicallyQualified: basicVotes,
              unqualified: unqualifiedVotes,
            }
          : null,
        committeeOpinion:
          grade === 'basically_qualified'
            ? '全年有4次无故缺席组织生活，经谈心谈话已认识不足，限期改进。'
            : grade
              ? '同意评定'
              : null,
        grade,
        version: assessed ? 2 : 1,
        updatedAt: assessed ? new Date(openedAt + 5 * DAY).toISOString() : null,
        updatedByName: assessed ? actor.name : null,
      };
    });
    await insertEntries(trx, entries);
    if (closedAt) {
      for (const e of entries) {
        await addMemberHistory(trx, {
          memberId: e.memberId,
          at: closedAt,
          actor,
          action: 'appraisal',
          reason: resultLine(y, org.name, e),
        });
      }
    }
    count += 1;
  };
  for (const key of ['jy-yunzhi', 'jy-jiucheng', 'lmt-changjiang']) await seed(key, year - 1, 'closed');
  await seed('jy-yunzhi', year, 'partly');
  await seed('jy-joint1', year, 'opened');
  return count;
}
