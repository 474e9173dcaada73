import {
  addDays,
  type DevelopmentFacts,
  type NoticePurpose,
  noticeEnd,
  probationEnd,
  STEP,
  type TalentFlag,
} from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import {
  derivedColumns,
  insertDevelopment,
  insertStep,
  RULES,
  setFileMember,
} from '../modules/development/development.repository.js';
import { admitToLedger, updateLedger } from '../modules/development/development-ledger.js';
import { insertDevelopmentNotice } from '../modules/development/development-notice.repository.js';
import { savePlan } from '../modules/development/development-plan.repository.js';
import { firstFullMemberOf, insertCultivation, insertKeyTalent } from '../modules/development/talent.repository.js';
import { findOrg } from '../modules/orgs/org.repository.js';
import { SYSTEM_CONTEXT } from '../platform/audit/events.js';
import type { CryptoProvider } from '../platform/crypto/provider.js';
import type { Trx } from '../platform/db/connect.js';
import type { Deps } from '../platform/deps.js';
import { demoMembers } from './members.js';

const SYSTEM = { id: null, name: 'system' };

/**
 * Days after the application on which a file that keeps every rule does each step (reviews at 170 and 320
 * days, candidate a year and a bit after becoming an activist, the branch meeting on day 441, confirmation a
 * year and a day after it). Notices start on the given days.
 */
const OFFSETS: Record<number, number> = {
  1: 0,
  2: 14,
  3: 21,
  4: 28,
  5: 28,
  7: 388,
  8: 392,
  9: 392,
  10: 395,
  11: 400,
  12: 420,
  13: 427,
  14: 434,
  15: 441,
  16: 448,
  17: 470,
  18: 475,
  19: 475,
  20: 490,
  21: 640,
  22: 780,
  23: 807,
  24: 830,
  25: 835,
};
const REVIEWS = [170, 320];
const NOTICE_AT: Record<NoticePurpose, number> = { admission: 404, confirmation: 790 };

interface Profile {
  org: string;
  /** The last step done. */
  last: number;
  /** Days since the application. */
  applied: number;
  extension?: number;
  talent?: TalentFlag;
}

/**
 * People at every stage in the demo branches, with deadlines that a party affairs worker would see on day one:
 * a talk due soon and one overdue, a review overdue, a notice open now, an approval due soon and one overdue,
 * a confirmation coming up, an extended probation, one confirmed, and a founder on the key-talent list.
 */
const PROFILES: Profile[] = [
  { org: 'jy-yunzhi', last: 1, applied: 10 },
  { org: 'jy-yunzhi', last: 5, applied: 111 },
  { org: 'jy-yunzhi', last: 3, applied: 60, talent: 'founder' },
  { org: 'jy-yunzhi', last: 11, applied: 406 },
  { org: 'jy-yunzhi', last: 15, applied: 521 },
  { org: 'jy-yunzhi', last: 22, applied: 795 },
  { org: 'jy-yunzhi', last: 25, applied: 900 },
  { org: 'jy-jiucheng', last: 1, applied: 45 },
  { org: 'jy-jiucheng', last: 6, applied: 380 },
  { org: 'lmt-changjiang', last: 5, applied: 236 },
  { org: 'lmt-changjiang', last: 16, applied: 541 },
  { org: 'lmt-changjiang', last: 21, applied: 871, extension: 6 },
  { org: 'lmt-xinchuang', last: 2, applied: 20, talent: 'industryLeader' },
];

interface Options {
  orgIds: Map<string, string>;
  rand: () => number;
  crypto: CryptoProvider;
  usedIdNumbers: Set<string>;
  today: string;
  at: string;
}

export async function seedDemoDevelopment(deps: Deps, trx: Trx, o: Options): Promise<number> {
  for (const p of PROFILES) await seedFile(deps, trx, o, p);
  await seedPlans(trx, o);
  return PROFILES.length;
}

async function seedFile(deps: Deps, trx: Trx, o: Options, p: Profile) {
  const orgId = o.orgIds.get(p.org)!;
  const [person] = demoMembers(o.rand, o.crypto, o.usedIdNumbers, { orgId, employer: '', count: 1, today: o.today, at: o.at });
  const base = addDays(o.today, -p.applied);
  const on = (offset: number) => addDays(base, offset);
  const steps: { step: number; doneOn: string }[] = [];
  for (let n = 1; n <= p.last; n++) {
    if (n === STEP.review) for (const r of REVIEWS) steps.push({ step: n, doneOn: on(r) });
    else steps.push({ step: n, doneOn: on(OFFSETS[n]!) });
  }
  const notices = (Object.keys(NOTICE_AT) as NoticePurpose[])
    .filter((purpose) => p.last >= (purpose === 'admission' ? 11 : 22))
    .map((purpose) => ({
      purpose,
      startsOn: on(NOTICE_AT[purpose]),
      endsOn: noticeEnd(on(NOTICE_AT[purpose]), RULES.noticeWorkingDays),
      upheldObjections: 0,
    }));
  const facts: DevelopmentFacts = { birthDate: person!.birth_date!, steps, extensionMonths: p.extension ?? null, notices };
  const id = uuidv7();
  const row = {
    id,
    org_id: orgId,
    name: person!.name,
    name_pinyin: person!.name_pinyin,
    name_initials: person!.name_initials,
    gender: person!.gender!,
    ethnicity: person!.ethnicity!,
    birth_date: person!.birth_date!,
    id_number_enc: person!.id_number_enc,
    id_number_index: person!.id_number_index,
    id_number_masked: person!.id_number_masked,
    phone_enc: person!.phone_enc,
    phone_index: person!.phone_index,
    phone_masked: person!.phone_masked,
    education: person!.education!,
    employer_name: (await findOrg(trx, orgId))!.name.replace(/党支部$/, ''),
    position: person!.position,
    talent_industry_leader: p.talent === 'industryLeader' ? 1 : 0,
    talent_founder: p.talent === 'founder' ? 1 : 0,
    talent_key_dept_head: 0,
    status: p.last === 25 ? ('done' as const) : ('active' as const),
    ...derivedColumns(facts),
    applied_on: base,
    extension_months: p.extension ?? null,
    extension_reason: p.extension ? '考察期间发现需进一步教育考察（演示数据）' : null,
    member_id: null as string | null,
    closed_reason: null,
    rules_version: RULES.version,
    created_at: o.at,
    updated_at: o.at,
    version: 1,
  };
  await insertDevelopment(trx, row);
  for (const s of steps) {
    await insertStep(trx, {
      developmentId: id,
      step: s.step,
      doneOn: s.doneOn,
      actor: SYSTEM,
      note: null,
      documents: [],
      detail: {},
      at: o.at,
    });
  }
  for (const n of notices) {
    await insertDevelopmentNotice(trx, {
      developmentId: id,
      orgId,
      purpose: n.purpose,
      startsOn: n.startsOn,
      endsOn: n.endsOn,
      workingDays: RULES.noticeWorkingDays,
      scope: '支部公示栏、企业内网',
      at: o.at,
      by: null,
    });
  }
  if (p.last >= STEP.admissionApproval) {
    const memberId = await admitToLedger(deps, SYSTEM_CONTEXT, trx, SYSTEM, row, on(OFFSETS[STEP.admissionVote]!), o.at);
    await setFileMember(trx, id, memberId);
    const withMember = { ...row, member_id: memberId };
    if (p.extension) {
      const ends = probationEnd(on(OFFSETS[STEP.admissionVote]!), p.extension);
      await updateLedger(
        deps,
        SYSTEM_CONTEXT,
        trx,
        SYSTEM,
        withMember,
        { action: 'development_extend', reason: `延长预备期${p.extension}个月，至 ${ends}` },
        o.at,
      );
    }
    if (p.last >= STEP.confirmationApproval) {
      const fullOn = row.probation_ends_on!;
      await updateLedger(
        deps,
        SYSTEM_CONTEXT,
        trx,
        SYSTEM,
        withMember,
        { action: 'development_confirm', reason: `转正时间 ${fullOn}`, set: { status: 'full', full_on: fullOn } },
        o.at,
      );
    }
  }
  if (p.talent) {
    const talent = await insertKeyTalent(trx, {
      orgId,
      memberId: null,
      developmentId: id,
      mentorMemberId: (await firstFullMemberOf(trx, orgId)) ?? null,
      at: o.at,
    });
    await insertCultivation(trx, {
      talentId: talent.id,
      on: addDays(o.today, -7),
      content: '培养联系人与其谈心谈话，了解创业经历和思想状况，推荐学习《习近平新时代中国特色社会主义思想学习纲要》',
      actor: { id: null, name: 'system' },
      at: o.at,
    });
  }
}

/** This year's quotas: the city, both districts and the branches that develop people. */
async function seedPlans(trx: Trx, o: Options) {
  const year = Number(o.today.slice(0, 4));
  const quotas: [string, number][] = [
    ['city', 30],
    ['jiangyang', 12],
    ['longmatan', 10],
    ['jy-yunzhi', 4],
    ['jy-jiucheng', 2],
    ['lmt-changjiang', 3],
  ];
  for (const [key, quota] of quotas) {
    await savePlan(trx, null, { orgId: o.orgIds.get(key)!, year, quota, note: null, at: o.at, by: null });
  }
}
