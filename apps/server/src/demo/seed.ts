import { isAdminRole, ORG_RULES, type Reach, type Role, termEnd } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import { addMemberHistory } from '../modules/members/member.repository.js';
import { insertCommittee } from '../modules/orgs/committee.repository.js';
import { insertOrg } from '../modules/orgs/org.repository.js';
import { insertAccount, insertGrant } from '../platform/accounts.js';
import { SYSTEM_CONTEXT } from '../platform/audit/events.js';
import { beijingDate } from '../platform/clock.js';
import type { Trx } from '../platform/db/connect.js';
import type { Deps } from '../platform/deps.js';
import { seedDemoAppraisals } from './appraisals.js';
import { seedDemoDevelopment } from './development.js';
import { seedDemoDues } from './dues.js';
import { seedDemoEnterprises } from './enterprises.js';
import { seedDemoEvents } from './events.js';
import { seedDemoGovernance } from './governance.js';
import { seedDemoMeetings } from './meetings.js';
import { demoMembers, insertDemoMembers } from './members.js';
import { enterpriseName, personName, prng } from './names.js';
import { seedDemoNotices } from './notices.js';
import { seedDemoRatings } from './ratings.js';
import { seedDemoServices } from './service-seed.js';
import { seedDemoTransfers } from './transfers.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_WORLD, type DemoOrg } from './world.js';

const EXTRA_BRANCHES_PER_DISTRICT = 4;

/** Demo accounts who are members of a demo branch, by branch key. */
const NAMED_MEMBERS: Record<string, { name: string; gender: 'male' | 'female' }[]> = {
  'jy-yunzhi': [
    { name: '张志强', gender: 'male' },
    { name: '刘晓燕', gender: 'female' },
  ],
};

/** Loads the demo world into an empty database, in one transaction. */
export async function seedDemo(deps: Deps): Promise<void> {
  const rand = prng(20211);
  const usedNames = new Set<string>();
  const now = deps.clock.now();
  const today = beijingDate(now);
  const passwordHash = await deps.crypto.hashPassword(DEMO_PASSWORD);
  // Grow each district with a few more enterprise branches, so lists and trees have some body.
  const world = structuredClone(DEMO_WORLD);
  for (const district of world.children ?? []) {
    for (let i = 0; i < EXTRA_BRANCHES_PER_DISTRICT; i += 1) {
      const name = `${enterpriseName(rand, usedNames)}党支部`;
      district.children = district.children ?? [];
      district.children.push({
        key: `${district.key}-x${i}`,
        name,
        kind: 'branch',
        members: 8 + Math.floor(rand() * 30),
      });
    }
  }

  await deps.db.transaction().execute(async (trx) => {
    const ids = new Map<string, string>();
    let orgs = 0;
    let members = 0;
    const usedIdNumbers = new Set<string>();
    const memberIds = new Map<string, string>();
    const walk = async (org: DemoOrg, parentId: string | null, depth: number): Promise<void> => {
      const foundedOn = `${2016 + Math.floor(rand() * 6)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`;
      const id = await insertOrg(trx, {
        parentId,
        name: org.name,
        kind: org.kind,
        level: org.level ?? null,
        foundedOn,
        createdAt: now.toISOString(),
      });
      ids.set(org.key, id);
      orgs += 1;
      if (org.members) {
        const rows = demoMembers(rand, deps.crypto, usedIdNumbers, {
          orgId: id,
          employer: org.kind === 'branch' ? org.name.replace(/党支部$/, '') : enterpriseName(rand, usedNames),
          count: org.members,
          today,
          at: now.toISOString(),
          named: NAMED_MEMBERS[org.key],
        });
        await insertDemoMembers(trx, rows);
        for (const row of rows) {
          if (NAMED_MEMBERS[org.key]?.some((n) => n.name === row.name)) memberIds.set(row.name, row.id);
          await addMemberHistory(trx, {
            memberId: row.id,
            at: now.toISOString(),
            actor: { id: null, name: 'system' },
            action: 'create',
            reason: '从原 Excel 台账迁入（演示数据）',
          });
        }
        members += rows.length;
        await seedCommittee(trx, id, org.members, rand, today, now.toISOString());
      }
      for (const child of org.children ?? []) await walk(child, id, depth + 1);
    };
    await walk(world, null, 0);
    const transfers = await seedDemoTransfers(trx, { orgIds: ids, rand, crypto: deps.crypto, usedIdNumbers, now });

    const userIds = new Map<string, string>();
    for (const account of DEMO_ACCOUNTS) {
      const orgId = account.org ? ids.get(account.org)! : null;
      const userId = await insertAccount(trx, {
        username: account.username,
        displayName: account.displayName,
        passwordHash,
        homeOrgId: isAdminRole(account.role as Role) ? null : orgId,
        // Demo accounts keep their published password: the demo world binds to loopback.
        mustChangePassword: false,
        memberId: account.role === 'member' ? (memberIds.get(account.displayName) ?? null) : null,
        createdAt: now.toISOString(),
      });
      userIds.set(account.username, userId);
      await insertGrant(trx, {
        userId,
        role: account.role as Role,
        orgId,
        reach: account.reach as Reach,
        createdAt: now.toISOString(),
        createdBy: null,
      });
    }
    // Before dues: the members it admits pay dues from admission like any other.
    const development = await seedDemoDevelopment(deps, trx, {
      orgIds: ids,
      rand,
      crypto: deps.crypto,
      usedIdNumbers,
      today,
      at: now.toISOString(),
    });
    const exemplary = NAMED_MEMBERS['jy-yunzhi']!.map((n) => n.name);
    const dues = await seedDemoDues(trx, { orgIds: ids, exemplary, today, at: now.toISOString() });
    const notices = await seedDemoNotices(trx, { orgIds: ids, now });
    const appraisals = await seedDemoAppraisals(trx, { orgIds: ids, now, today });
    // Its own PRNG, so adding the registry leaves the rest of the demo world as it was.
    const enterprises = await seedDemoEnterprises(trx, {
      orgIds: ids,
      userIds,
      rand: prng(20126),
      usedNames,
      passwordHash,
      today,
      at: now.toISOString(),
    });
    const serviceRequests = await seedDemoServices(trx, { orgIds: ids, passwordHash, now });
    const meetings = await seedDemoMeetings(trx, { orgIds: ids, today, at: now.toISOString(), dataDir: deps.config.dataDir });
    const events = await seedDemoEvents(trx, { orgIds: ids, userIds, now, rand: prng(20315) });
    await seedDemoRatings(trx, { orgIds: ids, now, today });
    const governance = await seedDemoGovernance(trx, { orgIds: ids, passwordHash, now });
    await deps.audit.record(trx, SYSTEM_CONTEXT, {
      type: 'system.seed',
      detail: {
        world: 'luzhou-1+7+N',
        orgs,
        members,
        transfers,
        accounts: DEMO_ACCOUNTS.length,
        duesPayments: dues.payments,
        notices,
        appraisals,
        development,
        ...enterprises,
        serviceRequests,
        meetings: meetings.meetings,
        ...events,
        governance,
      },
    });
  });
}

/** Branches big enough get a committee; terms are spread so some end soon and one or two have run out. */
async function seedCommittee(trx: Trx, orgId: string, size: number, rand: () => number, today: string, at: string) {
  if (size < 3) return;
  const members = size >= ORG_RULES.committeeRequiredAt ? 3 + Math.floor(rand() * 3) : 1;
  const yearsAgo = rand() * 3.2;
  const start = new Date(Date.parse(`${today}T00:00:00Z`) - Math.round(yearsAgo * 365) * 86_400_000).toISOString().slice(0, 10);
  const id = uuidv7();
  const duties = ['secretary', 'organisation', 'publicity', 'discipline', 'member'] as const;
  await insertCommittee(trx, {
    id,
    orgId,
    termStart: start,
    termEnd: termEnd(start, ORG_RULES.termYears),
    electedOn: start,
    createdAt: at,
    members: Array.from({ length: members }, (_, i) => ({ name: personName(rand), duty: duties[i] ?? 'member', userId: null })),
  });
}
