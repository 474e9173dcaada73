import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, type InstructorLogKind, type OperatingStatus } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import { pinyinKeys } from '../modules/orgs/pinyin.js';
import { insertAccount, insertGrant } from '../platform/accounts.js';
import type { Trx } from '../platform/db/connect.js';
import { personName } from './names.js';
import { DEMO_WORLD, type DemoOrg } from './world.js';

/** Administrative division codes of Luzhou's districts and counties (GB/T 2260), for the demo credit codes. */
const DIVISIONS: Record<string, string> = {
  jiangyang: '510502',
  naxi: '510503',
  longmatan: '510504',
  luxian: '510521',
  hejiang: '510522',
  xuyong: '510524',
  gulin: '510525',
};
const TOTAL = 150;
const PREFIX = ['泸州', '泸州市', '四川', '川南'];
const BRANDS = [
  '星河',
  '蓝鲸',
  '沱江',
  '凤凰',
  '云帆',
  '数智',
  '玉蟾',
  '方山',
  '尧坝',
  '佛宝',
  '黄荆',
  '天宫',
  '桂圆林',
  '张坝',
  '忠山',
  '百子图',
  '钟鼓楼',
  '白塔',
  '龙透关',
  '江阳',
];
const TRADES = ['网络科技', '信息技术', '电子商务', '数字传媒', '软件开发', '直播文化', '大数据服务', '物联网科技'];

/** A fictional enterprise name not used yet (a wider pool than the branches' names: 640 combinations). */
function demoEnterpriseName(rand: () => number, used: Set<string>): string {
  for (;;) {
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
    const name = `${pick(PREFIX)}${pick(BRANDS)}${pick(TRADES)}有限公司`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}
const JOINT_COVERS = [3, 5] as const;
const BUSINESS = [
  '软件开发、信息技术服务',
  '电子商务平台运营',
  '网络直播与短视频制作',
  '数据处理与存储服务',
  '互联网广告与营销',
  '物联网设备与系统集成',
  '网络文化与游戏',
  '农产品网络销售',
];
const STREETS = ['酒城大道', '龙马大道', '蜀泸大道', '江阳南路', '回龙湾路', '长江路', '沱江路', '春雨路', '城西大道', '迎晖路'];
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

export interface DemoEnterpriseInput {
  orgIds: Map<string, string>;
  /** Demo account ids by username (the instructor and the enterprise contact get links). */
  userIds: Map<string, string>;
  rand: () => number;
  usedNames: Set<string>;
  passwordHash: string;
  today: string;
  at: string;
}

interface Place {
  districtKey: string;
  districtId: string;
  parkId: string | null;
}

/**
 * ~150 demo enterprises with valid credit codes and fictional names: one for each enterprise branch (own
 * organisation), three to five for each joint branch, the rest uncovered; a few with three full members but no
 * branch of their own; instructors assigned to uncovered ones with visits, some of them overdue.
 */
export async function seedDemoEnterprises(trx: Trx, input: DemoEnterpriseInput) {
  const { orgIds, rand, today, at } = input;
  const id = (key: string) => orgIds.get(key)!;
  const places: Place[] = [];
  const rows: Parameters<typeof insertEnterprise>[1][] = [];
  const byBranch = new Map<string, string>();
  const add = (
    name: string,
    place: Place,
    cover: { orgId: string | null; kind: 'own' | 'joint' | 'none' },
    employees: number,
    status: OperatingStatus = 'operating',
    fixed = true,
  ) => {
    const e = {
      id: uuidv7(),
      name,
      code: creditCode(rand, DIVISIONS[place.districtKey]!),
      place,
      cover,
      employees,
      status,
      fixed,
      founded: `${2008 + Math.floor(rand() * 17)}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`,
      business: BUSINESS[Math.floor(rand() * BUSINESS.length)]!,
      address: `泸州市${STREETS[Math.floor(rand() * STREETS.length)]}${1 + Math.floor(rand() * 300)}号`,
      legal: personName(rand),
      contact: personName(rand),
    };
    rows.push(e);
    return e;
  };

  const walk = (org: DemoOrg, place: Place | null) => {
    let here = place;
    if (org.level === 'district') here = { districtKey: org.key, districtId: id(org.key), parkId: null };
    if (org.level === 'park' && place) here = { ...place, parkId: id(org.key) };
    if (here && org.level) places.push(here);
    if (here && org.kind === 'branch' && /有限公司党支部$/.test(org.name)) {
      const e = add(org.name.replace(/党支部$/, ''), here, { orgId: id(org.key), kind: 'own' }, 25 + Math.floor(rand() * 260));
      byBranch.set(org.key, e.id);
    }
    if (here && org.kind === 'joint_branch') {
      const n = JOINT_COVERS[0] + Math.floor(rand() * (JOINT_COVERS[1] - JOINT_COVERS[0] + 1));
      for (let i = 0; i < n; i += 1)
        add(demoEnterpriseName(rand, input.usedNames), here, { orgId: id(org.key), kind: 'joint' }, 10 + Math.floor(rand() * 60));
    }
    for (const child of org.children ?? []) walk(child, here);
  };
  walk(DEMO_WORLD, null);
  // The extra branches the seed adds per district (keys <district>-x<i>) are enterprise branches too.
  for (const [key, orgId] of orgIds) {
    const m = /^(.+)-x\d+$/.exec(key);
    if (!m) continue;
    const name = (await trx.selectFrom('org').select('name').where('id', '=', orgId).executeTakeFirstOrThrow()).name;
    const e = add(
      name.replace(/党支部$/, ''),
      { districtKey: m[1]!, districtId: id(m[1]!), parkId: null },
      { orgId, kind: 'own' },
      20 + Math.floor(rand() * 150),
    );
    byBranch.set(key, e.id);
  }
  const uncovered: typeof rows = [];
  while (rows.length < TOTAL) {
    const place = places[Math.floor(rand() * places.length)]!;
    const r = rand();
    // Mostly small firms: a third fall below the survey's 10 employees; a few suspended or without premises.
    const employees = r < 0.33 ? 2 + Math.floor(rand() * 8) : 10 + Math.floor(rand() * 120);
    const status: OperatingStatus = rand() < 0.06 ? 'suspended' : rand() < 0.03 ? 'deregistered' : 'operating';
    uncovered.push(
      add(demoEnterpriseName(rand, input.usedNames), place, { orgId: null, kind: 'none' }, employees, status, rand() > 0.08),
    );
  }
  for (const e of rows) await insertEnterprise(trx, e, at);

  // Members of an enterprise branch work at its enterprise.
  for (const [key, enterpriseId] of byBranch) {
    await trx.updateTable('member').set({ enterprise_id: enterpriseId }).where('org_id', '=', id(key)).execute();
  }
  // Joint-branch members work at the enterprises their branch covers, two or so at each; at every other joint
  // branch the first enterprise already has three members (应单独组建 once they are full members).
  let jointIndex = 0;
  for (const orgId of orgIds.values()) {
    const covered = rows.filter((e) => e.cover.kind === 'joint' && e.cover.orgId === orgId);
    if (!covered.length) continue;
    jointIndex += 1;
    const members = await trx.selectFrom('member').select('id').where('org_id', '=', orgId).orderBy('id').execute();
    const grown = jointIndex % 2 === 0;
    const plan = [
      ...(grown ? [covered[0]!, covered[0]!, covered[0]!] : []),
      ...covered.slice(grown ? 1 : 0).flatMap((e) => [e, e]),
    ];
    for (const [i, m] of members.entries()) {
      const e = plan[i];
      if (!e) break;
      await trx.updateTable('member').set({ enterprise_id: e.id, employer_name: e.name }).where('id', '=', m.id).execute();
    }
  }
  // Two uncovered enterprises employ three full members each, organised in their district's association branch.
  const association = await trx
    .selectFrom('member')
    .select('id')
    .where('org_id', '=', id('jy-wangxie'))
    .where('status', '=', 'full')
    .orderBy('id')
    .limit(6)
    .execute();
  const targets = uncovered
    .filter((e) => e.place.districtKey === 'jiangyang' && e.status === 'operating' && e.employees >= 10)
    .slice(0, 2);
  for (const [i, m] of association.entries()) {
    const e = targets[Math.floor(i / 3)];
    if (e) await trx.updateTable('member').set({ enterprise_id: e.id, employer_name: e.name }).where('id', '=', m.id).execute();
  }

  // The demo enterprise contact acts for 酒城数字传媒有限公司.
  const contact = input.userIds.get('enterprise');
  const jiucheng = byBranch.get('jy-jiucheng');
  if (contact && jiucheng)
    await trx
      .insertInto('enterprise_contact')
      .values({ enterprise_id: jiucheng, user_id: contact, created_at: at, created_by: null })
      .execute();

  // Instructors: the demo account in 江阳 and one more per district, each with uncovered enterprises of its district.
  const instructors = new Map<string, string>();
  if (input.userIds.get('instructor')) instructors.set('jiangyang', input.userIds.get('instructor')!);
  for (const [n, key] of Object.keys(DIVISIONS).entries()) {
    if (instructors.has(key)) continue;
    const userId = await insertAccount(trx, {
      username: `instructor_${n + 1}`,
      displayName: personName(rand),
      passwordHash: input.passwordHash,
      homeOrgId: id(key),
      mustChangePassword: false,
      createdAt: at,
    });
    await insertGrant(trx, { userId, role: 'instructor', orgId: id(key), reach: 'subtree', createdAt: at, createdBy: null });
    instructors.set(key, userId);
  }
  let assignments = 0;
  let logs = 0;
  for (const [districtKey, instructorId] of instructors) {
    const mine = uncovered
      .filter((e) => e.place.districtKey === districtKey && e.status === 'operating' && e.employees >= 10)
      .slice(0, districtKey === 'jiangyang' ? 7 : 4);
    for (const [i, e] of mine.entries()) {
      const startsOn = addDays(today, -(200 + Math.floor(rand() * 300)));
      await trx
        .insertInto('instructor_assignment')
        .values({
          id: uuidv7(),
          enterprise_id: e.id,
          instructor_id: instructorId,
          starts_on: startsOn,
          ends_on: null,
          note: null,
          created_at: at,
          created_by: null,
          updated_at: at,
        })
        .execute();
      assignments += 1;
      // Contacts every month or two; every third assignment has gone quiet (overdue now).
      const quietFor = i % 3 === 2 ? 110 + Math.floor(rand() * 60) : Math.floor(rand() * 40);
      for (let back = quietFor; addDays(today, -back) > startsOn; back += 30 + Math.floor(rand() * 40)) {
        const kind = (['visit', 'talk', 'help'] as const)[Math.floor(rand() * 3)]!;
        const notes = VISIT_NOTES[kind][Math.floor(rand() * VISIT_NOTES[kind].length)]!;
        await trx
          .insertInto('instructor_log')
          .values({
            id: uuidv7(),
            enterprise_id: e.id,
            instructor_id: instructorId,
            kind,
            on_date: addDays(today, -back),
            notes,
            created_at: at,
          })
          .execute();
        logs += 1;
      }
    }
  }
  return { enterprises: rows.length, assignments, logs };
}

async function insertEnterprise(
  trx: Trx,
  e: {
    id: string;
    name: string;
    code: string;
    place: Place;
    cover: { orgId: string | null; kind: 'own' | 'joint' | 'none' };
    employees: number;
    status: OperatingStatus;
    fixed: boolean;
    founded: string;
    business: string;
    address: string;
    legal: string;
    contact: string;
  },
  at: string,
) {
  const keys = pinyinKeys(e.name);
  await trx
    .insertInto('enterprise')
    .values({
      id: e.id,
      name: e.name,
      name_pinyin: keys.full,
      name_initials: keys.initials,
      credit_code: e.code,
      district_org_id: e.place.districtId,
      park_org_id: e.place.parkId,
      area_org_id: e.place.parkId ?? e.place.districtId,
      address: e.address,
      main_business: e.business,
      employee_count: e.employees,
      founded_on: e.founded,
      legal_representative: e.legal,
      contact_name: e.contact,
      has_fixed_premises: e.fixed ? 1 : 0,
      operating_status: e.status,
      covering_org_id: e.cover.orgId,
      coverage_kind: e.cover.kind,
      created_at: at,
      created_by: null,
      updated_at: at,
      version: 1,
      archived_at: null,
      archive_reason: null,
    })
    .execute();
}

/** A valid code: 9 (market regulator) 1 (company), the division code, MA and seven characters, the check. */
function creditCode(rand: () => number, division: string): string {
  let body = `91${division}MA`;
  for (let i = 0; i < 7; i += 1) body += CREDIT_CODE_ALPHABET[Math.floor(rand() * CREDIT_CODE_ALPHABET.length)]!;
  return body + creditCodeCheckChar(body)!;
}

const pad = (n: number) => String(n).padStart(2, '0');
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
