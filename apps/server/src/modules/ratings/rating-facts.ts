import { type ComplianceStatus, MEETING_KINDS, monthOf, type RatingFacts } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { duesSheet } from '../dues/dues-sheet.js';
import { branchStatuses, loadComplianceYear, periodMasks } from '../meetings/compliance-data.js';

/**
 * What the platform already knows about a branch for its self-rating, pulled from the data (never retyped):
 * members by status, this year's organisational life from the compliance rollup (periods held on time or made up,
 * periods missed), members in development, members in dues arrears (the dues sheet of this month), service
 * requests raised by the branch this year and how many are answered or closed. Read with the caller's access
 * (the self-rater holds the ledger, meeting and dues permissions at its branch); runs outside any transaction.
 */
export async function ratingFacts(ctx: Ctx, branchId: string): Promise<RatingFacts> {
  const today = beijingDate(ctx.clock.now());
  const year = Number(today.slice(0, 4));
  const facts: RatingFacts = {
    membersFull: 0,
    membersProbationary: 0,
    meetingsOnTime: 0,
    meetingsMissing: 0,
    developmentActive: 0,
    duesArrearsMembers: 0,
    serviceRequests: 0,
    serviceRequestsClosed: 0,
  };
  const members = await ctx.db
    .selectFrom('member')
    .innerJoin('org_closure as c', 'c.descendant_id', 'member.org_id')
    .select(['member.status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('c.ancestor_id', '=', branchId)
    .where('member.archived_at', 'is', null)
    .groupBy('member.status')
    .execute();
  for (const m of members) {
    if (m.status === 'full') facts.membersFull = Number(m.n);
    else facts.membersProbationary = Number(m.n);
  }

  if (await ctx.access.can('meeting.read', branchId)) {
    const { branches, frequencies } = await loadComplianceYear(ctx.db, ctx.access, branchId, year);
    const out: ComplianceStatus[] = [];
    for (const b of branches) {
      for (const kind of MEETING_KINDS) {
        for (const s of branchStatuses(b, kind, periodMasks(year, frequencies[kind]), today, out)) {
          if (s === 'on_time' || s === 'made_up') facts.meetingsOnTime += 1;
          else if (s === 'missing') facts.meetingsMissing += 1;
        }
      }
    }
  }

  const dev = await ctx.db
    .selectFrom('development')
    .innerJoin('org_closure as c', 'c.descendant_id', 'development.org_id')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('c.ancestor_id', '=', branchId)
    .where('development.status', '=', 'active')
    .executeTakeFirstOrThrow();
  facts.developmentActive = Number(dev.n);

  if (await ctx.access.can('dues.manage', branchId)) {
    const sheet = await duesSheet(ctx, branchId, monthOf(today));
    facts.duesArrearsMembers = sheet.totals.warningCount + sheet.totals.lapseCount;
  }

  const requests = await ctx.db
    .selectFrom('service_request')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('covering_org_id', '=', branchId)
    .where('raised_on', '>=', `${year}-01-01`)
    .groupBy('status')
    .execute();
  for (const r of requests) {
    facts.serviceRequests += Number(r.n);
    if (r.status === 'answered' || r.status === 'closed') facts.serviceRequestsClosed += Number(r.n);
  }
  return facts;
}
