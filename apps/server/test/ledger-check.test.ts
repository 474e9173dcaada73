import { idNumberCheckChar, type LedgerCheckResponse } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberColumns, sealPersonal } from '../src/modules/members/member.repository.js';
import type { MemberTable } from '../src/platform/db/types.js';
import { validIdNumber } from './members.support.js';
import { addOrg, addUser, type Session, signIn, standardTree, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>> & { branchA3: string };
let districtA: Session;
let districtB: Session;
let secretary: Session;
const ids: Record<string, string> = {};
/** Every plaintext ID number and phone stored, to prove none comes back. */
const planted: string[] = [];

const TODAY = '2026-03-01';
let phoneSeq = 0;

interface Legacy {
  name: string;
  idNumber?: string | null;
  birthDate?: string | null;
  gender?: 'male' | 'female' | null;
  ethnicity?: string | null;
  education?: MemberTable['education'];
  phone?: string | null;
  joinedOn?: string | null;
  fullOn?: string | null;
  status?: 'full' | 'probationary';
}

/** A record written straight into the table, the way an old ledger left it (the API would refuse most of these). */
function legacyRow(orgId: string, m: Legacy) {
  const birthDate = m.birthDate === undefined ? '1990-05-17' : m.birthDate;
  const gender = m.gender === undefined ? 'male' : m.gender;
  const idNumber = m.idNumber === undefined ? validIdNumber(birthDate ?? '1990-05-17', gender ?? 'male') : m.idNumber;
  phoneSeq += 1;
  const phone = m.phone === undefined ? `139${String(10_000_000 + phoneSeq).slice(-8)}` : m.phone;
  if (idNumber) planted.push(idNumber);
  if (phone) planted.push(phone);
  const sealed = idNumber
    ? sealPersonal(t.deps.crypto, idNumber, phone)
    : { ...sealPersonal(t.deps.crypto, '000', phone), id_number_enc: null, id_number_index: null, id_number_masked: null };
  const status = m.status ?? 'full';
  const row = {
    id: uuidv7(),
    org_id: orgId,
    ...memberColumns({
      name: m.name,
      gender: 'male',
      ethnicity: '汉族',
      birthDate: '1990-05-17',
      education: 'bachelor',
      employerName: null,
      position: null,
      joinedOn: '2015-06-30',
      fullOn: null,
      status,
      mobility: 'regular',
      talents: { industryLeader: false, founder: false, keyDeptHead: false },
      remarks: null,
    }),
    gender,
    ethnicity: m.ethnicity === undefined ? '汉族' : m.ethnicity,
    birth_date: birthDate,
    education: m.education === undefined ? 'bachelor' : m.education,
    joined_on: m.joinedOn === undefined ? '2015-06-30' : m.joinedOn,
    full_on: m.fullOn === undefined ? (status === 'full' ? '2016-07-01' : null) : m.fullOn,
    ...sealed,
    enterprise_id: null,
    created_at: new Date().toISOString(),
    updated_at: null,
    archived_at: null,
    archive_reason: null,
  };
  return row;
}

async function insert(orgId: string, m: Legacy) {
  const row = legacyRow(orgId, m);
  await t.deps.db.insertInto('member').values(row).execute();
  ids[m.name] = row.id;
  return row.id;
}

async function addCommittee(orgId: string, size: number) {
  const committeeId = uuidv7();
  await t.deps.db
    .insertInto('org_committee')
    .values({
      id: committeeId,
      org_id: orgId,
      term_start: '2025-01-01',
      term_end: '2027-12-31',
      elected_on: null,
      created_at: new Date().toISOString(),
      superseded_at: null,
    })
    .execute();
  for (let i = 0; i < size; i += 1) {
    await t.deps.db
      .insertInto('committee_member')
      .values({
        id: uuidv7(),
        committee_id: committeeId,
        name: `委员${i}`,
        duty: i === 0 ? 'secretary' : 'member',
        user_id: null,
        position: i,
      })
      .execute();
  }
}

/** The i-th of distinct birth dates from 1 January of `year` (28 a month), so generated namesakes are no duplicates. */
const distinctBirth = (year: number, i: number) =>
  `${year + Math.floor(i / 336)}-${String((Math.floor(i / 28) % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
const withCheck = (number: string) => number.slice(0, 17) + idNumberCheckChar(number.slice(0, 17));
const badCheck = (number: string) => number.slice(0, 17) + (number[17] === '0' ? '1' : '0');

beforeAll(async () => {
  t = await testApp();
  t.clock.set(`${TODAY}T02:00:00Z`);
  const standard = await standardTree(t.deps);
  tree = { ...standard, branchA3: await addOrg(t.deps, standard.districtA, '甲三数据有限公司党支部', 'branch') };
  await addUser(t.deps, 'district_a', [{ role: 'committee_admin', orgId: tree.districtA }]);
  await addUser(t.deps, 'district_b', [{ role: 'committee_admin', orgId: tree.districtB }]);
  await addUser(t.deps, 'secretary_a1', [{ role: 'secretary', orgId: tree.branchA1 }]);
  districtA = await signIn(t.app, 'district_a');
  districtB = await signIn(t.app, 'district_b');
  secretary = await signIn(t.app, 'secretary_a1');

  // branchA1: one member per problem, and clean ones; a committee of 3, so the branch itself is in order.
  await insert(tree.branchA1, { name: '王清白' });
  await insert(tree.branchA1, { name: '钱预备', status: 'probationary', joinedOn: '2025-06-01' });
  await insert(tree.branchA1, { name: '赵校验', idNumber: badCheck(validIdNumber('1988-02-03')), birthDate: '1988-02-03' });
  await insert(tree.branchA1, { name: '孙日期', idNumber: withCheck('51050219881332123X'), birthDate: '1988-02-03' });
  await insert(tree.branchA1, { name: '李位数', idNumber: '5105021988020312', birthDate: '1988-02-03' });
  await insert(tree.branchA1, { name: '周生日', idNumber: validIdNumber('1985-01-01'), birthDate: '1985-01-02' });
  await insert(tree.branchA1, {
    name: '吴性别',
    idNumber: validIdNumber('1985-01-01', 'female'),
    birthDate: '1985-01-01',
    gender: 'male',
  });
  await insert(tree.branchA1, { name: '郑少年', birthDate: '2000-05-01', joinedOn: '2017-06-01', fullOn: '2018-06-01' });
  await insert(tree.branchA1, { name: '冯颠倒', joinedOn: '2015-06-30', fullOn: '2015-06-30' });
  await insert(tree.branchA1, { name: '陈未来', status: 'probationary', joinedOn: '2026-05-01' });
  await insert(tree.branchA1, { name: '褚超期', status: 'probationary', joinedOn: '2024-12-01' });
  await insert(tree.branchA1, { name: '卫久拖', status: 'probationary', joinedOn: '2023-06-01' });
  await insert(tree.branchA1, { name: '蒋重名', birthDate: '1979-09-09' });
  ids.蒋重名甲 = ids.蒋重名!;
  await insert(tree.branchA1, { name: '蒋重名', birthDate: '1979-09-09' });
  ids.蒋重名乙 = ids.蒋重名!;
  await insert(tree.branchA1, { name: '沈无电', phone: null });
  await insert(tree.branchA1, { name: '韩缺转', fullOn: null });
  await insert(tree.branchA1, { name: '杨旧档', ethnicity: null, education: null, birthDate: null, idNumber: null });
  await addCommittee(tree.branchA1, 3);

  // branchA2: no members (too few to stand alone). branchA3: 50 clean full members with a committee of 2.
  const big = Array.from({ length: 50 }, (_, i) =>
    legacyRow(tree.branchA3, { name: '林大支', birthDate: distinctBirth(1980, i) }),
  );
  await t.deps.db.insertInto('member').values(big).execute();
  await addCommittee(tree.branchA3, 2);

  // District B: a bad check digit and a missing phone that district A must never see.
  await insert(tree.branchB1, {
    name: '乙区错号',
    idNumber: badCheck(validIdNumber('1991-01-01')),
    birthDate: '1991-01-01',
    phone: null,
  });
});
afterAll(() => t.close());

const check = async (s: Session, query = '') => {
  const res = await t.app.inject({ method: 'GET', url: `/api/ledger-check${query}`, headers: s.headers });
  return res;
};
const summary = (body: LedgerCheckResponse) =>
  body.findings.map((f) => `${f.kind}:${f.subject.name}${f.kind === 'probation_overdue' ? `:${f.severity}` : ''}`).sort();

describe('GET /api/ledger-check', () => {
  it('finds each problem in a district exactly once, and nothing about the clean records', async () => {
    const res = await check(districtA, `?orgId=${tree.districtA}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as LedgerCheckResponse;
    expect(summary(body)).toEqual(
      [
        'id_invalid:赵校验',
        'id_invalid:孙日期',
        'id_invalid:李位数',
        'id_mismatch:周生日',
        'id_mismatch:吴性别',
        'joined_under_age:郑少年',
        'dates_out_of_order:冯颠倒',
        'dates_out_of_order:陈未来',
        'probation_overdue:褚超期:warning',
        'probation_overdue:卫久拖:severe',
        'duplicate:蒋重名',
        'duplicate:蒋重名',
        'missing_phone:沈无电',
        'missing_full_on:韩缺转',
        'missing_basics:杨旧档',
        'org_too_few_members:甲二网络有限公司党支部',
        'org_committee:甲三数据有限公司党支部',
        'org_general_branch:甲三数据有限公司党支部',
      ].sort(),
    );
    expect(body).toMatchObject({
      today: TODAY,
      scope: { orgId: tree.districtA, orgName: '甲区互联网行业党委' },
      membersChecked: 17 + 50,
    });
    // branchA1, branchA2, branchA3 (the group and the district committee are not subject to the branch rules).
    expect(body.orgsChecked).toBe(3);
    expect(body.totals).toMatchObject({ id_invalid: 3, duplicate: 2, org_committee: 1, missing_phone: 1 });
    const subjects = new Set(body.findings.map((f) => f.subject.id));
    expect(subjects.has(ids.王清白!)).toBe(false);
    expect(subjects.has(ids.钱预备!)).toBe(false);
  });

  it('says what is wrong and what to do, naming the other record of a possible duplicate', async () => {
    const body = (await check(districtA)).json() as LedgerCheckResponse;
    const about = (kind: string, name: string) => body.findings.find((f) => f.kind === kind && f.subject.name === name)!;
    const invalid = about('id_invalid', '赵校验');
    expect(invalid.message).toContain('校验位');
    expect(invalid.subject).toMatchObject({
      type: 'member',
      id: ids.赵校验,
      orgId: tree.branchA1,
      orgName: '甲一科技有限公司党支部',
    });
    expect(invalid.subject.type === 'member' && invalid.subject.idNumberMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
    expect(invalid.message).toContain(invalid.subject.type === 'member' ? invalid.subject.idNumberMasked! : '');
    expect(about('id_mismatch', '周生日').message).toContain('身份证号中为 1985-01-01');
    expect(about('probation_overdue', '卫久拖').message).toContain('超过2年');
    const dupes = body.findings.filter((f) => f.kind === 'duplicate');
    expect(dupes.map((f) => f.subject.id).sort()).toEqual([ids.蒋重名甲, ids.蒋重名乙].sort());
    expect(dupes[0]!.message).toContain('「甲一科技有限公司党支部」的「蒋重名」');
    expect(about('org_too_few_members', '甲二网络有限公司党支部')).toMatchObject({
      severity: 'warning',
      subject: { type: 'org', id: tree.branchA2, kind: 'branch' },
    });
    expect(about('org_committee', '甲三数据有限公司党支部').message).toContain('支部委员会');
  });

  it('returns no plaintext ID number or phone', async () => {
    for (const s of [districtA, districtB]) {
      const res = await check(s);
      for (const secret of planted) expect(res.body).not.toContain(secret);
    }
  });

  it('keeps to the scope: district A never lists district B, and the reverse', async () => {
    const a = (await check(districtA)).json() as LedgerCheckResponse;
    expect(a.scope).toEqual({ orgId: null, orgName: null });
    expect(a.findings.some((f) => f.subject.name === '乙区错号' || f.subject.id === tree.branchB1)).toBe(false);
    expect(a.membersChecked).toBe(67);
    const b = (await check(districtB)).json() as LedgerCheckResponse;
    expect(summary(b)).toEqual(['id_invalid:乙区错号', 'missing_phone:乙区错号', 'org_too_few_members:乙一传媒有限公司党支部']);
    expect((await check(districtA, `?orgId=${tree.branchB1}`)).statusCode).toBe(404);
  });

  it('gives a branch secretary the branch and nothing beside it', async () => {
    const body = (await check(secretary)).json() as LedgerCheckResponse;
    const orgs = new Set(body.findings.map((f) => (f.subject.type === 'member' ? f.subject.orgId : f.subject.id)));
    expect([...orgs]).toEqual([tree.branchA1]);
    expect(body.membersChecked).toBe(17);
    expect((await check(secretary, `?orgId=${tree.branchA2}`)).statusCode).toBe(404);
  });

  it('reads a large branch in batches, caps the findings per kind but counts them all', async () => {
    // With the one record already there, 1,001: a full batch of 1,000 and one more.
    const rows = Array.from({ length: 1000 }, (_, i) =>
      legacyRow(tree.branchB1, { name: '无号码', birthDate: distinctBirth(1960, i), phone: null }),
    );
    for (let i = 0; i < rows.length; i += 50)
      await t.deps.db
        .insertInto('member')
        .values(rows.slice(i, i + 50))
        .execute();
    const body = (await check(districtB)).json() as LedgerCheckResponse;
    expect(body.totals.missing_phone).toBe(1001);
    expect(body.totals.duplicate).toBe(0);
    expect(body.findings.filter((f) => f.kind === 'missing_phone')).toHaveLength(body.limitPerKind);
    expect(body.limitPerKind).toBe(200);
    expect(body.membersChecked).toBe(1001);
  });
});
