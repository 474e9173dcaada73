import { type ServiceEvent, type ServiceStatus, serviceDueDate, serviceReopenDueDate } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import { insertContact } from '../modules/enterprises/enterprise-account.repository.js';
import { addServiceEvent, insertServiceRequest } from '../modules/services/service-request.repository.js';
import { insertAccount, insertGrant } from '../platform/accounts.js';
import { beijingDate } from '../platform/clock.js';
import type { Trx } from '../platform/db/connect.js';
import { personName } from './names.js';
import { STORIES, type Story } from './service-stories.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

interface Options {
  now: Date;
  rand: () => number;
  passwordHash: string;
  /** Handlers by area committee id (the district's admin), and the city's admin. */
  districtHandler: (areaOrgId: string) => Promise<{ id: string; name: string } | null>;
  /** Whether the area committee lies in the main demo district (江阳区). */
  inHomeDistrict: (areaOrgId: string) => Promise<boolean>;
  cityHandler: { id: string; name: string };
  /** The demo enterprise contact, and the enterprise it acts for (if the enterprise demo linked one). */
  contact: { id: string; name: string; enterpriseId: string | null };
  /** The demo secretary, and an enterprise its branch covers. */
  secretary: { id: string; name: string; enterpriseId: string | null };
}

/**
 * Service requests in every state across demo enterprises (issue #6 point 5): unassigned (one overdue), in
 * hand (one overdue), answered waiting for a rating, reopened and then closed, closed with ratings, withdrawn.
 * The demo enterprise contact's enterprise gets three of them. Needs the enterprise demo; none, no requests.
 */
export async function seedDemoServiceRequests(trx: Trx, o: Options): Promise<number> {
  const own = o.contact.enterpriseId;
  const others = await trx
    .selectFrom('enterprise')
    .select(['id', 'area_org_id', 'covering_org_id'])
    .where('archived_at', 'is', null)
    .where('operating_status', '=', 'operating')
    .$if(own !== null, (q) => q.where('id', '<>', own!))
    .$if(o.secretary.enterpriseId !== null, (q) => q.where('id', '<>', o.secretary.enterpriseId!))
    .orderBy('name_pinyin')
    .limit(40)
    .execute();
  const ownRow = own
    ? await trx.selectFrom('enterprise').select(['id', 'area_org_id', 'covering_org_id']).where('id', '=', own).executeTakeFirst()
    : undefined;
  const secretaryRow = o.secretary.enterpriseId
    ? await trx
        .selectFrom('enterprise')
        .select(['id', 'area_org_id', 'covering_org_id'])
        .where('id', '=', o.secretary.enterpriseId)
        .executeTakeFirst()
    : undefined;
  // Every few enterprises, alternating between the main demo district and the rest of the city, so the
  // district admin's queue and the city's both have requests in every state.
  const home: typeof others = [];
  const away: typeof others = [];
  for (const [i, e] of others.entries()) if (i % 2 === 0) ((await o.inHomeDistrict(e.area_org_id)) ? home : away).push(e);
  const spread = home.flatMap((e, i) => (away[i] ? [e, away[i]!] : [e])).concat(away.slice(home.length));
  let n = 0;
  let next = 0;
  let contacts = 0;
  for (const story of STORIES) {
    const e = story.own ? ownRow : story.bySecretary ? secretaryRow : spread[next++ % Math.max(spread.length, 1)];
    if (!e) continue;
    const district = (await o.districtHandler(e.area_org_id)) ?? o.cityHandler;
    const requester = story.own ? o.contact : story.bySecretary ? o.secretary : await contactOf(trx, e, o, ++contacts);
    await insertStory(trx, story, e, { district, city: o.cityHandler, requester, now: o.now });
    n += 1;
  }
  return n;
}

/** The enterprise's contact account: the one the enterprise demo linked, or a new one made here. */
async function contactOf(
  trx: Trx,
  e: { id: string; area_org_id: string; covering_org_id: string | null },
  o: Options,
  n: number,
) {
  const linked = await trx
    .selectFrom('enterprise_contact')
    .innerJoin('app_user', 'app_user.id', 'enterprise_contact.user_id')
    .select(['app_user.id', 'app_user.display_name as name'])
    .where('enterprise_contact.enterprise_id', '=', e.id)
    .executeTakeFirst();
  if (linked) return linked;
  const at = o.now.toISOString();
  const orgId = e.covering_org_id ?? e.area_org_id;
  const name = personName(o.rand);
  const id = await insertAccount(trx, {
    username: `qiye${String(n).padStart(2, '0')}`,
    displayName: name,
    passwordHash: o.passwordHash,
    homeOrgId: orgId,
    mustChangePassword: false,
    createdAt: at,
  });
  await insertGrant(trx, { userId: id, role: 'enterprise_contact', orgId, reach: 'org', createdAt: at, createdBy: null });
  await insertContact(trx, { enterpriseId: e.id, userId: id, at, by: null });
  return { id, name };
}

async function insertStory(
  trx: Trx,
  s: Story,
  e: { id: string; area_org_id: string; covering_org_id: string | null },
  p: {
    district: { id: string; name: string };
    city: { id: string; name: string };
    requester: { id: string; name: string };
    now: Date;
  },
) {
  const raisedMs = p.now.getTime() - s.daysAgo * DAY;
  const at = (h: number) => new Date(raisedMs + h * HOUR).toISOString();
  const raisedOn = beijingDate(new Date(raisedMs));
  const due = serviceDueDate(s.category, raisedOn);
  const id = uuidv7();
  const events: {
    at: string;
    kind: ServiceEvent;
    side: 'requester' | 'handler';
    actor: { id: string; name: string };
    body?: string | null;
    assignee?: { id: string; name: string };
    rating?: number;
  }[] = [{ at: at(0), kind: 'raise', side: 'requester', actor: p.requester }];
  let status: ServiceStatus = 'open';
  let assignee: { id: string; name: string } | null = null;
  let dueOn = due.dueOn;
  let answeredAt: string | null = null;
  let closedAt: string | null = null;
  let rating: number | null = null;
  let comment: string | null = null;
  let reopens = 0;
  for (const step of s.steps) {
    const when = at(step.h);
    if (step.kind === 'assign') {
      assignee = step.to === 'city' ? p.city : p.district;
      const by = step.by === 'city' ? p.city : step.by === 'district' ? p.district : assignee;
      events.push({ at: when, kind: 'assign', side: 'handler', actor: by, body: step.note ?? null, assignee });
      status = 'in_progress';
    } else if (step.kind === 'answer') {
      events.push({ at: when, kind: 'answer', side: 'handler', actor: assignee!, body: step.body });
      status = 'answered';
      answeredAt = when;
    } else if (step.kind === 'message') {
      events.push({
        at: when,
        kind: 'message',
        side: step.side,
        actor: step.side === 'handler' ? assignee! : p.requester,
        body: step.body,
      });
    } else if (step.kind === 'reopen') {
      events.push({ at: when, kind: 'reopen', side: 'requester', actor: p.requester, body: step.reason });
      status = 'in_progress';
      answeredAt = null;
      dueOn = serviceReopenDueDate(beijingDate(new Date(when)), dueOn);
      reopens += 1;
    } else if (step.kind === 'close') {
      events.push({
        at: when,
        kind: 'close',
        side: 'requester',
        actor: p.requester,
        body: step.comment ?? null,
        rating: step.rating,
      });
      status = 'closed';
      closedAt = when;
      rating = step.rating;
      comment = step.comment ?? null;
    } else {
      events.push({ at: when, kind: 'withdraw', side: 'requester', actor: p.requester, body: step.reason });
      status = 'withdrawn';
      closedAt = when;
    }
  }
  const last = events[events.length - 1]!.at;
  await insertServiceRequest(trx, {
    id,
    enterprise_id: e.id,
    org_id: e.area_org_id,
    covering_org_id: e.covering_org_id,
    category: s.category,
    title: s.title,
    description: s.description,
    status,
    raised_at: at(0),
    raised_on: raisedOn,
    raised_by: p.requester.id,
    raised_by_name: p.requester.name,
    assignee_id: assignee?.id ?? null,
    assignee_name: assignee?.name ?? null,
    due_on: dueOn,
    rule_version: due.ruleVersion,
    answered_at: answeredAt,
    closed_at: closedAt,
    rating,
    rating_comment: comment,
    reopen_count: reopens,
    last_activity_at: last,
    updated_at: last,
  });
  for (const ev of events) await addServiceEvent(trx, { requestId: id, ...ev });
}
