import type { InstructorLogKind } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import { insertAssignment, insertLog } from '../modules/enterprises/instructor.repository.js';
import { insertAccount, insertGrant } from '../platform/accounts.js';
import type { Trx } from '../platform/db/connect.js';
import { personName } from './names.js';

const VISIT_NOTES: Record<InstructorLogKind, string[]> = {
  visit: [
    '走访企业，了解员工中党员分布和入党积极分子情况',
    '到企业宣讲党的路线方针政策，介绍组建党组织的条件和程序',
    '走访企业负责人，了解生产经营困难并记录诉求',
  ],
  talk: [
    '与企业负责人谈心谈话，沟通支持党建工作的想法',
    '与企业内流动党员谈话，督促其转接组织关系',
    '与入党积极分子谈话，了解思想动态',
  ],
  help: [
    '帮助企业梳理在职党员名单，指导做好单独组建准备',
    '协助企业对接区人社部门，解决招聘用工问题',
    '指导企业建立党员活动室，规范“三会一课”台账',
  ],
};

export interface DemoInstructorInput {
  userIds: Map<string, string>;
  districtIds: Map<string, string>;
  targets: { id: string; districtKey: string }[];
  rand: () => number;
  passwordHash: string;
  today: string;
  at: string;
}

/**
 * Instructors: the demo account in 江阳 and one more per district (instructor_2 …), each assigned to uncovered
 * enterprises of its district with a work log; every third assignment has gone quiet and is overdue now.
 */
export async function seedDemoInstructors(trx: Trx, input: DemoInstructorInput) {
  const { rand, today, at } = input;
  const instructors = new Map<string, string>();
  if (input.userIds.get('instructor')) instructors.set('jiangyang', input.userIds.get('instructor')!);
  for (const [n, key] of [...input.districtIds.keys()].entries()) {
    if (instructors.has(key)) continue;
    const userId = await insertAccount(trx, {
      username: `instructor_${n + 1}`,
      displayName: personName(rand),
      passwordHash: input.passwordHash,
      homeOrgId: input.districtIds.get(key)!,
      mustChangePassword: false,
      createdAt: at,
    });
    await insertGrant(trx, {
      userId,
      role: 'instructor',
      orgId: input.districtIds.get(key)!,
      reach: 'subtree',
      createdAt: at,
      createdBy: null,
    });
    instructors.set(key, userId);
  }
  let assignments = 0;
  let logs = 0;
  for (const [districtKey, instructorId] of instructors) {
    const mine = input.targets.filter((e) => e.districtKey === districtKey).slice(0, districtKey === 'jiangyang' ? 7 : 4);
    for (const [i, e] of mine.entries()) {
      const startsOn = addDays(today, -(200 + Math.floor(rand() * 300)));
      await insertAssignment(trx, {
        id: uuidv7(),
        enterpriseId: e.id,
        instructorId,
        startsOn,
        endsOn: null,
        note: null,
        at,
        by: null,
      });
      assignments += 1;
      // Contacts every month or two; every third assignment has gone quiet (overdue now).
      const quietFor = i % 3 === 2 ? 110 + Math.floor(rand() * 60) : Math.floor(rand() * 40);
      for (let back = quietFor; addDays(today, -back) > startsOn; back += 30 + Math.floor(rand() * 40)) {
        const kind = (['visit', 'talk', 'help'] as const)[Math.floor(rand() * 3)]!;
        const notes = VISIT_NOTES[kind][Math.floor(rand() * VISIT_NOTES[kind].length)]!;
        await insertLog(trx, {
          id: uuidv7(),
          enterpriseId: e.id,
          instructorId,
          kind,
          onDate: addDays(today, -back),
          notes,
          createdAt: at,
        });
        logs += 1;
      }
    }
  }
  return { assignments, logs };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
