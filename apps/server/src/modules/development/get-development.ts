import { nextStep, TALENT_FLAGS } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { findOrg } from '../orgs/org.repository.js';
import { presentNotice, presentSummary } from './development.presenter.js';
import { factsOf, loadFile, noticesOf, orgNames, stepsOf } from './development.repository.js';
import { stepAttachments } from './development-attachments.js';

/** A person's file (一人一档): who they are (ID and phone masked), every step with its records, the notices. */
export async function getDevelopment(ctx: Ctx, id: string) {
  const today = beijingDate(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const row = await loadFile(trx, access, id, 'development.read');
    const org = (await findOrg(trx, row.org_id))!;
    const steps = await stepsOf(trx, row.id);
    const notices = await noticesOf(trx, [row.id]);
    const facts = await factsOf(trx, row);
    const next = row.status === 'active' ? nextStep(facts) : null;
    // Names of the people a step's detail points at (mentors, sponsors), for the timeline.
    const people: Record<string, string> = {};
    for (const s of steps) {
      const d = s.detail as { mentors?: { id: string; name: string }[]; sponsors?: { id: string; name: string }[] };
      for (const p of [...(d.mentors ?? []), ...(d.sponsors ?? [])]) people[p.id] = p.name;
    }
    const names = await orgNames(trx, [row.org_id]);
    const files = await stepAttachments(
      trx,
      steps.map((s) => s.id),
    );
    return {
      ...presentSummary(row, org.name, today),
      ethnicity: row.ethnicity,
      birthDate: row.birth_date,
      idNumberMasked: row.id_number_masked,
      phoneMasked: row.phone_masked,
      education: row.education,
      position: row.position,
      talents: Object.fromEntries(
        TALENT_FLAGS.map((f) => [
          f,
          (f === 'industryLeader'
            ? row.talent_industry_leader
            : f === 'founder'
              ? row.talent_founder
              : row.talent_key_dept_head) === 1,
        ]),
      ) as Record<(typeof TALENT_FLAGS)[number], boolean>,
      memberId: row.member_id,
      rulesVersion: row.rules_version,
      extensionMonths: row.extension_months,
      probationEndsOn: row.probation_ends_on,
      earliest: next?.earliest ?? null,
      closedReason: row.closed_reason,
      steps: steps.map((s) => ({
        id: s.id,
        step: s.step,
        doneOn: s.doneOn,
        actorName: s.actorName,
        note: s.note,
        documents: s.documents,
        attachments: files.get(s.id) ?? [],
        detail: s.detail,
        recordedAt: s.recordedAt,
      })),
      notices: notices.map((n) => presentNotice(n, row.name, names.get(n.orgId) ?? '', today)),
      people,
      canManage: await access.can('development.manage', row.org_id),
      canApprove: await access.can('development.approve', org.parent_id ?? row.org_id),
      today,
    };
  });
}
