import {
  DEVELOPMENT_RULES,
  type DevelopmentFacts,
  type NoticeFacts,
  nextStep,
  probationEndOf,
  STEP,
  stageOf,
} from '@tongxin/contracts';
import type { Insertable, Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Access } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { DevelopmentTable } from '../../platform/db/types.js';
import { AppError, conflict, notFound } from '../../platform/http/errors.js';

export type DevelopmentRow = Selectable<DevelopmentTable>;

export const actorOf = (access: Access) => ({ id: access.user!.id, name: access.user!.displayName });

export async function findDevelopment(db: Db | Trx, id: string): Promise<DevelopmentRow | undefined> {
  return db.selectFrom('development').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The file, authorized for `permission` at its org; invisible and missing files are both "not found". */
export async function loadFile(trx: Trx, access: Access, id: string, permission: 'development.read' | 'development.manage') {
  const row = await findDevelopment(trx, id);
  if (!row) throw notFound('发展党员档案');
  await access.authorize(permission, row.org_id, '发展党员档案');
  return row;
}

/** A recorded step of a file: who did it when, its documents and the step's own detail (mentors, votes…). */
export interface DevelopmentStep {
  id: string;
  step: number;
  doneOn: string;
  actorId: string | null;
  actorName: string | null;
  note: string | null;
  documents: string[];
  detail: Record<string, unknown>;
  recordedAt: string;
}

export async function stepsOf(db: Db | Trx, developmentId: string): Promise<DevelopmentStep[]> {
  const rows = await db
    .selectFrom('development_step')
    .selectAll()
    .where('development_id', '=', developmentId)
    .orderBy('step')
    .orderBy('done_on')
    .orderBy('recorded_at')
    .execute();
  return rows.map((s) => ({
    id: s.id,
    step: s.step,
    doneOn: s.done_on,
    actorId: s.actor_id,
    actorName: s.actor_name,
    note: s.note,
    documents: JSON.parse(s.documents) as string[],
    detail: JSON.parse(s.detail) as Record<string, unknown>,
    recordedAt: s.recorded_at,
  }));
}

/** The file a step belongs to. */
export async function fileOfStep(db: Db | Trx, stepId: string): Promise<string | undefined> {
  const row = await db.selectFrom('development_step').select('development_id').where('id', '=', stepId).executeTakeFirst();
  return row?.development_id;
}

/** A public notice (公示) of a file, with the opinions received about it. */
export interface DevelopmentNotice {
  id: string;
  developmentId: string;
  orgId: string;
  purpose: 'admission' | 'confirmation';
  startsOn: string;
  endsOn: string;
  workingDays: number;
  scope: string | null;
  objections: { receivedOn: string; content: string; finding: string | null; upheld: boolean }[];
}

export async function noticesOf(db: Db | Trx, developmentIds: string[]): Promise<DevelopmentNotice[]> {
  if (developmentIds.length === 0) return [];
  const notices = await db
    .selectFrom('development_notice')
    .selectAll()
    .where('development_id', 'in', developmentIds)
    .orderBy('starts_on')
    .execute();
  const ids = notices.map((n) => n.id);
  const objections = ids.length
    ? await db.selectFrom('development_objection').selectAll().where('notice_id', 'in', ids).orderBy('received_on').execute()
    : [];
  return notices.map((n) => ({
    id: n.id,
    developmentId: n.development_id,
    orgId: n.org_id,
    purpose: n.purpose,
    startsOn: n.starts_on,
    endsOn: n.ends_on,
    workingDays: Number(n.working_days),
    scope: n.scope,
    objections: objections
      .filter((o) => o.notice_id === n.id)
      .map((o) => ({ receivedOn: o.received_on, content: o.content, finding: o.finding, upheld: o.upheld === 1 })),
  }));
}

/** What the pure rules read of a file. */
export async function factsOf(db: Db | Trx, row: DevelopmentRow): Promise<DevelopmentFacts> {
  const steps = await stepsOf(db, row.id);
  const notices = await noticesOf(db, [row.id]);
  return {
    birthDate: row.birth_date,
    steps: steps.map((s) => ({ step: s.step, doneOn: s.doneOn })),
    extensionMonths: row.extension_months,
    notices: notices.map(
      (n): NoticeFacts => ({
        purpose: n.purpose,
        startsOn: n.startsOn,
        endsOn: n.endsOn,
        upheldObjections: n.objections.filter((o) => o.upheld).length,
      }),
    ),
  };
}

/** The columns kept from the facts (stage, last step, dates, next deadline), written with every change. */
export function derivedColumns(f: DevelopmentFacts) {
  const last = f.steps.reduce((m, s) => Math.max(m, s.step), 0);
  const admitted = f.steps.find((s) => s.step === STEP.admissionVote)?.doneOn ?? null;
  const next = nextStep(f);
  const dues = next ? [next.due, next.reviewDue].filter((d): d is string => d !== null).sort() : [];
  return {
    stage: stageOf(f),
    last_step: last,
    admitted_on: admitted,
    probation_ends_on: probationEndOf(f),
    next_due: dues[0] ?? null,
  };
}

/**
 * Writes the derived columns (and any other change) if the file is still at `version`: two people recording
 * the same step at once meet here, and the loser is told to reload.
 */
export async function saveFile(
  trx: Trx,
  row: DevelopmentRow,
  facts: DevelopmentFacts,
  at: string,
  extra: Partial<Omit<DevelopmentRow, 'id' | 'version'>> = {},
): Promise<void> {
  const result = await trx
    .updateTable('development')
    .set({ ...derivedColumns(facts), ...extra, updated_at: at, version: row.version + 1 })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw conflict('该档案已被他人更新，请刷新后重试');
}

export async function insertStep(
  trx: Trx,
  s: {
    developmentId: string;
    step: number;
    doneOn: string;
    actor: { id: string | null; name: string | null };
    note: string | null;
    documents: string[];
    detail: Record<string, unknown>;
    at: string;
  },
): Promise<string> {
  const id = uuidv7();
  await trx
    .insertInto('development_step')
    .values({
      id,
      development_id: s.developmentId,
      step: s.step,
      done_on: s.doneOn,
      actor_id: s.actor.id,
      actor_name: s.actor.name,
      note: s.note,
      documents: JSON.stringify(s.documents),
      detail: JSON.stringify(s.detail),
      recorded_at: s.at,
    })
    .execute();
  return id;
}

/** Opens a file (the row as a whole; the derived columns come from `derivedColumns`). */
export async function insertDevelopment(trx: Trx, row: Insertable<DevelopmentTable>): Promise<void> {
  await trx.insertInto('development').values(row).execute();
}

/** Links a file to the ledger member it became (without a version step: the demo writes files whole). */
export async function setFileMember(trx: Trx, id: string, memberId: string): Promise<void> {
  await trx.updateTable('development').set({ member_id: memberId }).where('id', '=', id).execute();
}

/** An open (active) file for this ID number, if any. */
export async function findOpenFileByIdNumber(db: Db | Trx, idNumberIndex: string): Promise<string | undefined> {
  const open = await db
    .selectFrom('development')
    .select('id')
    .where('id_number_index', '=', idNumberIndex)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return open?.id;
}

/** The org of a file and its sealed ID number and phone (for AZ-05 reveals). */
export async function findSealedContact(
  db: Db | Trx,
  id: string,
): Promise<{ orgId: string; idNumberEnc: string; phoneEnc: string | null } | undefined> {
  const row = await db
    .selectFrom('development')
    .select(['org_id', 'id_number_enc', 'phone_enc'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { orgId: row.org_id, idNumberEnc: row.id_number_enc, phoneEnc: row.phone_enc };
}

/** Of these members, the full and active ones on an org's own rolls (mentors and sponsors). */
export async function fullMembersOf(
  db: Db | Trx,
  orgId: string,
  ids: readonly string[],
): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('member')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .where('org_id', '=', orgId)
    .where('status', '=', 'full')
    .where('archived_at', 'is', null)
    .execute();
}

/** Org names by id. */
export async function orgNames(db: Db | Trx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('org').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A 400 naming every field a rule refuses. */
export function refuse(issues: { field: string; message: string }[]): never {
  throw new AppError(
    400,
    'validation_failed',
    issues[0]!.message,
    issues.map((i) => ({ path: i.field, message: i.message })),
  );
}

export const RULES = DEVELOPMENT_RULES;
