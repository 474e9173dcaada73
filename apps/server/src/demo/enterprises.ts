import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, type OperatingStatus } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import { findOrgFacts, insertEnterprise, linkMembers, memberIdsOfOrg } from '../modules/enterprises/enterprise.repository.js';
import { insertContact } from '../modules/enterprises/enterprise-account.repository.js';
import type { Trx } from '../platform/db/connect.js';
import { seedDemoInstructors } from './instructors.js';
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
  const { orgIds, rand, at } = input;
  const id = (key: string) => orgIds.get(key)!;
  const places: Place[] = [];
  const rows: DemoEnterprise[] = [];
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
    const name = (await findOrgFacts(trx, orgId))!.name;
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
  for (const e of rows) await writeEnterprise(trx, e, at);

  // Members of an enterprise branch work at its enterprise.
  for (const [key, enterpriseId] of byBranch) {
    await linkMembers(trx, await memberIdsOfOrg(trx, id(key)), { id: enterpriseId }, at);
  }
  // Joint-branch members work at the enterprises their branch covers, two or so at each; at every other joint
  // branch the first enterprise already has three members (应单独组建 once they are full members).
  let jointIndex = 0;
  for (const orgId of orgIds.values()) {
    const covered = rows.filter((e) => e.cover.kind === 'joint' && e.cover.orgId === orgId);
    if (!covered.length) continue;
    jointIndex += 1;
    const members = await memberIdsOfOrg(trx, orgId);
    const grown = jointIndex % 2 === 0;
    const plan = [
      ...(grown ? [covered[0]!, covered[0]!, covered[0]!] : []),
      ...covered.slice(grown ? 1 : 0).flatMap((e) => [e, e]),
    ];
    for (const [i, m] of members.entries()) {
      const e = plan[i];
      if (!e) break;
      await linkMembers(trx, [m], e, at);
    }
  }
  // Two uncovered enterprises employ three full members each, organised in their district's association branch.
  const association = await memberIdsOfOrg(trx, id('jy-wangxie'), { fullOnly: true, limit: 6 });
  const targets = uncovered
    .filter((e) => e.place.districtKey === 'jiangyang' && e.status === 'operating' && e.employees >= 10)
    .slice(0, 2);
  for (const [i, m] of association.entries()) {
    const e = targets[Math.floor(i / 3)];
    if (e) await linkMembers(trx, [m], e, at);
  }

  // The demo enterprise contact acts for 酒城数字传媒有限公司.
  const contact = input.userIds.get('enterprise');
  const jiucheng = byBranch.get('jy-jiucheng');
  if (contact && jiucheng) await insertContact(trx, { enterpriseId: jiucheng, userId: contact, at, by: null });

  const work = await seedDemoInstructors(trx, {
    ...input,
    districtIds: new Map(Object.keys(DIVISIONS).map((key) => [key, id(key)])),
    // Uncovered, operating, in the survey's scope: the enterprises instructors are sent to.
    targets: uncovered
      .filter((e) => e.status === 'operating' && e.employees >= 10)
      .map((e) => ({ id: e.id, districtKey: e.place.districtKey })),
  });
  return { enterprises: rows.length, ...work };
}

interface DemoEnterprise {
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
}

/** Through the registry's repository, as a registration writes it. */
async function writeEnterprise(trx: Trx, e: DemoEnterprise, at: string) {
  await insertEnterprise(trx, {
    id: e.id,
    input: {
      name: e.name,
      creditCode: e.code,
      areaOrgId: e.place.parkId ?? e.place.districtId,
      address: e.address,
      mainBusiness: e.business,
      employeeCount: e.employees,
      foundedOn: e.founded,
      legalRepresentative: e.legal,
      contactName: e.contact,
      hasFixedPremises: e.fixed,
      operatingStatus: e.status,
      coveringOrgId: e.cover.orgId,
    },
    area: { areaOrgId: e.place.parkId ?? e.place.districtId, districtOrgId: e.place.districtId, parkOrgId: e.place.parkId },
    covering: { coveringOrgId: e.cover.orgId, coverageKind: e.cover.kind },
    at,
    by: null,
  });
}

/** A valid code: 9 (market regulator) 1 (company), the division code, MA and seven characters, the check. */
function creditCode(rand: () => number, division: string): string {
  let body = `91${division}MA`;
  for (let i = 0; i < 7; i += 1) body += CREDIT_CODE_ALPHABET[Math.floor(rand() * CREDIT_CODE_ALPHABET.length)]!;
  return body + creditCodeCheckChar(body)!;
}

const pad = (n: number) => String(n).padStart(2, '0');
