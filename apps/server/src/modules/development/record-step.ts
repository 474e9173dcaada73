import type { recordStepBody } from '@tongxin/contracts';
import { checkStep, type DevelopmentStep, type RecordStepBody, STEP, stepOf } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Access } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import type { Trx } from '../../platform/db/connect.js';
import { conflict, forbidden, invalid } from '../../platform/http/errors.js';
import { findOrg } from '../orgs/org.repository.js';
import {
  actorOf,
  type DevelopmentRow,
  factsOf,
  fullMembersOf,
  insertStep,
  loadFile,
  refuse,
  saveFile,
} from './development.repository.js';
import { attachToStep } from './development-attachments.js';
import { admitToLedger, updateLedger } from './development-ledger.js';

type Body = z.output<typeof recordStepBody>;

export type { RecordStepBody };

/**
 * Records one step on a file. The branch records its own steps (development.manage at the branch); the
 * committee above records its 备案、预审、谈话、审批 (development.approve at the branch's parent). The rules
 * table and `checkStep` decide order and time limits; approval of admission (17) puts the person on the ledger
 * as probationary, approval of confirmation (24) makes them full.
 */
export async function recordStep(ctx: Ctx, id: string, body: Body): Promise<string> {
  const now = ctx.clock.now();
  const today = beijingDate(now);
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const row = await loadFile(trx, access, id, 'development.read');
    const def = stepOf(body.step)!;
    await authorizeStep(trx, access, row, def);
    if (row.status !== 'active') throw conflict('该发展档案已结束，不能再办理步骤');
    const facts = await factsOf(trx, row);
    const issues = checkStep(facts, body, today, row.id);
    if (issues.length) refuse(issues);
    const detail: Record<string, unknown> = {};
    if (def.kind === 'mentors') detail.mentors = await fullMembers(trx, row, body.mentorIds ?? [], 'mentorIds', '培养联系人');
    if (def.kind === 'sponsors') detail.sponsors = await fullMembers(trx, row, body.sponsorIds ?? [], 'sponsorIds', '入党介绍人');
    if (def.kind === 'political_review') detail.passed = body.passed;
    if (def.kind === 'branch_review') detail.leavingSoon = body.leavingSoon ?? false;
    if (def.kind === 'training') detail.training = { days: body.trainingDays ?? 0, hours: body.trainingHours ?? 0 };
    if (def.kind === 'vote') {
      const { candidateIds: _one, ...count } = body.vote!;
      detail.vote = count;
    }
    const stepId = await insertStep(trx, {
      developmentId: row.id,
      step: body.step,
      doneOn: body.doneOn,
      actor: actorOf(access),
      note: body.note,
      documents: body.documents,
      detail,
      at,
    });
    await attachToStep(trx, { orgId: row.org_id, stepId, userId: access.user!.id, ids: body.attachmentIds, at });
    const after = { ...facts, steps: [...facts.steps, { step: body.step, doneOn: body.doneOn }] };
    const extra: Partial<DevelopmentRow> = {};
    if (body.step === STEP.admissionApproval) {
      const admittedOn = facts.steps.find((s) => s.step === STEP.admissionVote)!.doneOn;
      extra.member_id = await admitToLedger(ctx, ctx.actor, trx, actorOf(access), row, admittedOn, at);
    }
    if (body.step === STEP.confirmationApproval) {
      // Party standing runs from the day probation ended, not from the approval.
      const fullOn = row.probation_ends_on!;
      await updateLedger(
        ctx,
        ctx.actor,
        trx,
        actorOf(access),
        row,
        {
          action: 'development_confirm',
          reason: `上级党委审批同意转正（${body.doneOn}），转正时间为预备期满之日 ${fullOn}`,
          set: { status: 'full', full_on: fullOn },
        },
        at,
      );
    }
    if (body.step === 25) extra.status = 'done';
    await saveFile(trx, row, after, at, extra);
    await ctx.audit.record(trx, ctx.actor, {
      type: 'development.step',
      orgId: row.org_id,
      objectType: 'development',
      objectId: row.id,
      detail: { step: body.step, title: def.title, doneOn: body.doneOn, attachments: body.attachmentIds.length, ...detail },
    });
    return stepId;
  });
}

async function authorizeStep(trx: Trx, access: Access, row: DevelopmentRow, def: DevelopmentStep) {
  if (def.recorder === 'branch') return access.authorize('development.manage', row.org_id, '发展党员档案');
  const org = await findOrg(trx, row.org_id);
  // The committee above the branch decides; a branch without a parent (a root) decides itself. The file is
  // visible (read above), so a branch secretary is told who does this step rather than "not found".
  if (!(await access.can('development.approve', org?.parent_id ?? row.org_id))) {
    throw forbidden(`第${def.no}步「${def.title}」由上级党委办理`);
  }
}

/** Mentors and sponsors are full members on the branch's own rolls. */
async function fullMembers(trx: Trx, row: DevelopmentRow, ids: string[], field: string, role: string) {
  if (ids.length === 0) return [];
  const found = await fullMembersOf(trx, row.org_id, ids);
  if (found.length !== ids.length) throw invalid(field, `${role}须是本支部在册的正式党员`);
  return ids.map((id) => found.find((f) => f.id === id)!);
}
