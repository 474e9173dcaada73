import type { CoverageKind, EnterpriseInput, OperatingStatus } from '@tongxin/contracts';
import type { Expression, SqlBool } from 'kysely';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { EnterpriseTable } from '../../platform/db/types.js';
import { pinyinKeys } from '../orgs/pinyin.js';

/** An enterprise of the registry (企业名录), as the rules read it. */
export interface Enterprise {
  id: string;
  name: string;
  namePinyin: string;
  creditCode: string;
  areaOrgId: string;
  districtOrgId: string | null;
  parkOrgId: string | null;
  address: string | null;
  mainBusiness: string | null;
  employeeCount: number | null;
  foundedOn: string | null;
  legalRepresentative: string | null;
  contactName: string | null;
  hasFixedPremises: boolean;
  operatingStatus: OperatingStatus;
  coveringOrgId: string | null;
  coverageKind: CoverageKind;
  createdAt: string;
  updatedAt: string;
  version: number;
  archivedAt: string | null;
  archiveReason: string | null;
}

/** With the names of its committees and covering org, for lists, the detail and the export. */
export interface ListedEnterprise extends Enterprise {
  areaName: string;
  districtName: string | null;
  parkName: string | null;
  coveringName: string | null;
}

export function toEnterprise(r: EnterpriseTable): Enterprise {
  return {
    id: r.id,
    name: r.name,
    namePinyin: r.name_pinyin,
    creditCode: r.credit_code,
    areaOrgId: r.area_org_id,
    districtOrgId: r.district_org_id,
    parkOrgId: r.park_org_id,
    address: r.address,
    mainBusiness: r.main_business,
    employeeCount: r.employee_count === null ? null : Number(r.employee_count),
    foundedOn: r.founded_on,
    legalRepresentative: r.legal_representative,
    contactName: r.contact_name,
    hasFixedPremises: Number(r.has_fixed_premises) === 1,
    operatingStatus: r.operating_status,
    coveringOrgId: r.covering_org_id,
    coverageKind: r.coverage_kind,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: Number(r.version),
    archivedAt: r.archived_at,
    archiveReason: r.archive_reason,
  };
}

/** The committees an enterprise sits under: its area (district or park) and the district above. */
export interface Area {
  areaOrgId: string;
  districtOrgId: string | null;
  parkOrgId: string | null;
}

/** The org covering it and how: a joint branch covers jointly, any other branch as its own. */
export interface Covering {
  coveringOrgId: string | null;
  coverageKind: CoverageKind;
}

/** The registry fields as stored. */
function columns(input: EnterpriseInput, area: Area, covering: Covering) {
  const keys = pinyinKeys(input.name);
  return {
    name: input.name,
    name_pinyin: keys.full,
    name_initials: keys.initials,
    credit_code: input.creditCode,
    district_org_id: area.districtOrgId,
    park_org_id: area.parkOrgId,
    area_org_id: area.areaOrgId,
    address: input.address,
    main_business: input.mainBusiness,
    employee_count: input.employeeCount,
    founded_on: input.foundedOn,
    legal_representative: input.legalRepresentative,
    contact_name: input.contactName,
    has_fixed_premises: input.hasFixedPremises ? 1 : 0,
    operating_status: input.operatingStatus,
    covering_org_id: covering.coveringOrgId,
    coverage_kind: covering.coverageKind,
  };
}

/** The enterprise as it would read after writing `input` (to compare with the stored one). */
export function asEnterprise(before: Enterprise, input: EnterpriseInput, area: Area, covering: Covering): Enterprise {
  return {
    ...before,
    name: input.name,
    creditCode: input.creditCode,
    ...area,
    address: input.address,
    mainBusiness: input.mainBusiness,
    employeeCount: input.employeeCount,
    foundedOn: input.foundedOn,
    legalRepresentative: input.legalRepresentative,
    contactName: input.contactName,
    hasFixedPremises: input.hasFixedPremises,
    operatingStatus: input.operatingStatus,
    ...covering,
  };
}

export async function findEnterprise(db: Db | Trx, id: string): Promise<Enterprise | undefined> {
  const row = await db.selectFrom('enterprise').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toEnterprise(row);
}

/** The org picked as an area or a covering org, with what the rules check. */
export async function findOrgFacts(db: Db | Trx, id: string) {
  return db.selectFrom('org').select(['id', 'name', 'kind', 'level', 'status']).where('id', '=', id).executeTakeFirst();
}

/** The nearest district committee above a park committee. */
export async function districtAbove(db: Db | Trx, orgId: string): Promise<string | null> {
  const row = await db
    .selectFrom('org_closure')
    .innerJoin('org', 'org.id', 'org_closure.ancestor_id')
    .select('org.id')
    .where('org_closure.descendant_id', '=', orgId)
    .where('org.level', '=', 'district')
    .orderBy('org_closure.depth')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Who holds a credit code (archived or not), other than `exceptId`. */
export async function findCodeHolder(db: Db | Trx, code: string, exceptId: string | null) {
  const row = await db
    .selectFrom('enterprise')
    .select(['id', 'archived_at'])
    .where('credit_code', '=', code)
    .$if(exceptId !== null, (q) => q.where('id', '<>', exceptId!))
    .executeTakeFirst();
  return row && { id: row.id, archived: row.archived_at !== null };
}

/** The holders of these credit codes. */
export async function codeHolders(db: Db | Trx, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('enterprise').select(['id', 'credit_code']).where('credit_code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.credit_code, r.id]));
}

/** The names of those of `ids` that pass `visible` (the registry's visibility rule). */
export async function visibleNames(db: Db | Trx, ids: readonly string[], visible: Expression<SqlBool>) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('enterprise').select(['id', 'name']).where('id', 'in', ids).where(visible).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function insertEnterprise(
  trx: Trx,
  e: { id: string; input: EnterpriseInput; area: Area; covering: Covering; at: string; by: string | null },
): Promise<void> {
  await trx
    .insertInto('enterprise')
    .values({
      id: e.id,
      ...columns(e.input, e.area, e.covering),
      created_at: e.at,
      created_by: e.by,
      updated_at: e.at,
      version: 1,
      archived_at: null,
      archive_reason: null,
    })
    .execute();
}

/** Writes a new version if the stored one is still `version` (false when another edit came first). */
export async function updateEnterpriseFields(
  trx: Trx,
  id: string,
  version: number,
  e: { input: EnterpriseInput; area: Area; covering: Covering; at: string },
): Promise<boolean> {
  const updated = await trx
    .updateTable('enterprise')
    .set({ ...columns(e.input, e.area, e.covering), updated_at: e.at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Archives an enterprise not archived yet (false when it already was). */
export async function archiveEnterpriseRow(trx: Trx, id: string, at: string, reason: string): Promise<boolean> {
  const archived = await trx
    .updateTable('enterprise')
    .set((eb) => ({ archived_at: at, archive_reason: reason, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return Number(archived.numUpdatedRows) === 1;
}

/** Brings an archived enterprise back (false when it was not archived). */
export async function restoreEnterpriseRow(trx: Trx, id: string, at: string): Promise<boolean> {
  const restored = await trx
    .updateTable('enterprise')
    .set((eb) => ({ archived_at: null, archive_reason: null, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('archived_at', 'is not', null)
    .executeTakeFirst();
  return Number(restored.numUpdatedRows) === 1;
}

/** How many active members an enterprise has, and how many of them are full members. */
export async function memberCounts(db: Db | Trx, enterpriseId: string): Promise<{ all: number; full: number }> {
  const counts = await db
    .selectFrom('member')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('all'),
      eb.fn.sum<number | string | null>(eb.case().when('status', '=', 'full').then(1).else(0).end()).as('full'),
    ])
    .where('enterprise_id', '=', enterpriseId)
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { all: Number(counts.all), full: Number(counts.full ?? 0) };
}

/** Active members whose 工作单位 is `employerName`, linked to no enterprise yet, within `scope`. */
export async function unlinkedMembersByEmployer(trx: Trx, employerName: string, scope: Expression<SqlBool>, limit: number) {
  return trx
    .selectFrom('member')
    .select(['id', 'org_id as orgId'])
    .where('employer_name', '=', employerName)
    .where('enterprise_id', 'is', null)
    .where('archived_at', 'is', null)
    .where(scope)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Links members (not linked yet) to an enterprise; the demo also sets their 工作单位 to its name. */
export async function linkMembers(
  trx: Trx,
  memberIds: readonly string[],
  enterprise: { id: string; name?: string },
  at: string,
): Promise<void> {
  if (memberIds.length === 0) return;
  await trx
    .updateTable('member')
    .set((eb) => ({
      enterprise_id: enterprise.id,
      ...(enterprise.name === undefined ? {} : { employer_name: enterprise.name }),
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', 'in', memberIds)
    .where('enterprise_id', 'is', null)
    .execute();
}

/** Ids of an org's members, archived ones too (optionally full members only), in id order. */
export async function memberIdsOfOrg(
  db: Db | Trx,
  orgId: string,
  only: { fullOnly?: boolean; limit?: number } = {},
): Promise<string[]> {
  const rows = await db
    .selectFrom('member')
    .select('id')
    .where('org_id', '=', orgId)
    .$if(only.fullOnly === true, (q) => q.where('status', '=', 'full'))
    .orderBy('id')
    .$if(only.limit !== undefined, (q) => q.limit(only.limit!))
    .execute();
  return rows.map((r) => r.id);
}
