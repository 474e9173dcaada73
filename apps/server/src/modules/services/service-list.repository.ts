import { ROLE_PERMISSIONS, ROLES, type Role, SERVICE_PENDING_STATUSES } from '@tongxin/contracts';
import { type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/connect.js';
import { like } from '../../platform/db/helpers.js';
import type { DB } from '../../platform/db/types.js';
import { type ServiceRequestRow, toServiceRequest } from './service-request.repository.js';

export type ServiceWhere = (eb: ExpressionBuilder<DB, 'service_request' | 'enterprise'>) => Expression<SqlBool>;

/** A request with its enterprise's and handling committee's names. */
export type ListedServiceRequest = ServiceRequestRow & { enterprise_name: string; org_name: string };

function selectListed<O>(qb: SelectQueryBuilder<DB, 'service_request', O>) {
  return qb
    .innerJoin('enterprise', 'enterprise.id', 'service_request.enterprise_id')
    .innerJoin('org', 'org.id', 'service_request.org_id')
    .selectAll('service_request')
    .select(['enterprise.name as enterprise_name', 'org.name as org_name']);
}

const toListed = (r: ListedServiceRequest): ListedServiceRequest => ({ ...r, ...toServiceRequest(r) });

/** The order of a list: the enterprise's side sees answered requests first, the queue the earliest due. */
export type ServiceOrder = 'raised' | 'due' | 'newest';

/** A page of requests passing `where`, with its total. */
export async function servicePage(db: Db | Trx, where: ServiceWhere, order: ServiceOrder, page: number, pageSize: number) {
  const rows = await selectListed(db.selectFrom('service_request'))
    .where(where)
    .$if(order === 'raised', (q) =>
      q
        .orderBy(sql`case when service_request.status = 'answered' then 0 else 1 end`)
        .orderBy('service_request.last_activity_at', 'desc'),
    )
    .$if(order === 'due', (q) => q.orderBy('service_request.due_on', 'asc').orderBy('service_request.raised_at', 'desc'))
    .$if(order === 'newest', (q) => q.orderBy('service_request.raised_at', 'desc'))
    .orderBy('service_request.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items: rows.map(toListed), total: await countRequests(db, where) };
}

export async function countRequests(db: Db | Trx, where: ServiceWhere): Promise<number> {
  const counted = await db
    .selectFrom('service_request')
    .innerJoin('enterprise', 'enterprise.id', 'service_request.enterprise_id')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  return Number(counted.n);
}

/** The next batch in raising order after `after` (the export walks the queue this way). */
export async function serviceBatch(
  db: Db | Trx,
  where: ServiceWhere,
  after: ListedServiceRequest | null,
  limit: number,
): Promise<ListedServiceRequest[]> {
  const rows = await selectListed(db.selectFrom('service_request'))
    .where(where)
    .$if(after !== null, (q) =>
      q.where((eb) =>
        eb(eb.refTuple('service_request.raised_at', 'service_request.id'), '>', eb.tuple(after!.raised_at, after!.id)),
      ),
    )
    .orderBy('service_request.raised_at')
    .orderBy('service_request.id')
    .limit(limit)
    .execute();
  return rows.map(toListed);
}

export async function findListedServiceRequest(db: Db | Trx, id: string): Promise<ListedServiceRequest> {
  return toListed(
    await selectListed(db.selectFrom('service_request')).where('service_request.id', '=', id).executeTakeFirstOrThrow(),
  );
}

/** A search in titles and enterprise names. */
export const searchCondition = (eb: ExpressionBuilder<DB, 'service_request' | 'enterprise'>, q: string) =>
  eb.or([like('service_request.title', q), like('enterprise.name', q)]);

/** Requests per category and status within `scope`, with their ratings; and how many are overdue. */
export async function summaryCounts(db: Db | Trx, scope: Expression<SqlBool>, today: string) {
  const rows = await db
    .selectFrom('service_request')
    .select((eb) => [
      'service_request.category',
      'service_request.status',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string | null>('service_request.rating').as('rating_sum'),
      eb.fn.count<number | string>('service_request.rating').as('rated'),
    ])
    .where(scope)
    .groupBy(['service_request.category', 'service_request.status'])
    .execute();
  const overdue = await db
    .selectFrom('service_request')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(scope)
    .where('service_request.status', 'in', [...SERVICE_PENDING_STATUSES])
    .where('service_request.due_on', '<', today)
    .executeTakeFirstOrThrow();
  return {
    cells: rows.map((r) => ({
      category: r.category,
      status: r.status,
      count: Number(r.n),
      ratingSum: Number(r.rating_sum ?? 0),
      rated: Number(r.rated),
    })),
    overdue: Number(overdue.n),
  };
}

/** The to-do list's requests (at most `limit`): by due date, or by when they were answered. */
export async function todoRequests(db: Db | Trx, where: ServiceWhere, order: 'due' | 'answered', limit: number) {
  const rows = await db
    .selectFrom('service_request')
    .innerJoin('enterprise', 'enterprise.id', 'service_request.enterprise_id')
    .select([
      'service_request.id',
      'service_request.title',
      'service_request.status',
      'service_request.due_on',
      'service_request.org_id',
      'service_request.covering_org_id',
      'enterprise.name as enterprise_name',
    ])
    .where(where)
    .orderBy(order === 'due' ? 'service_request.due_on' : 'service_request.answered_at')
    .orderBy('service_request.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    dueOn: r.due_on,
    orgId: r.org_id,
    coveringOrgId: r.covering_org_id,
    enterpriseName: r.enterprise_name,
  }));
}

const HANDLER_ROLES = ROLES.filter((r: Role) => ROLE_PERMISSIONS[r].includes('service.handle'));

/**
 * The accounts that may handle a request of the committee `orgId`: an enabled account holding service.handle
 * there (a grant at the committee, or with subtree reach above it). Names and their grant's org only; the
 * nearest committee first (the district's people before the city's).
 */
export async function handlersFor(db: Db | Trx, orgId: string, onlyUserId?: string) {
  if (HANDLER_ROLES.length === 0) return [];
  return db
    .selectFrom('role_grant')
    .innerJoin('app_user', 'app_user.id', 'role_grant.user_id')
    .innerJoin('org_closure', 'org_closure.ancestor_id', 'role_grant.org_id')
    .innerJoin('org', 'org.id', 'role_grant.org_id')
    .select(['app_user.id', 'app_user.display_name as name', 'org.name as orgName', 'org_closure.depth'])
    .where('org_closure.descendant_id', '=', orgId)
    .where('role_grant.role', 'in', HANDLER_ROLES)
    .where((eb) => eb.or([eb('role_grant.reach', '=', 'subtree'), eb('org_closure.depth', '=', 0)]))
    .where('app_user.disabled_at', 'is', null)
    .$if(onlyUserId !== undefined, (q) => q.where('app_user.id', '=', onlyUserId!))
    .orderBy('org_closure.depth')
    .orderBy('app_user.display_name')
    .limit(200)
    .execute();
}

/**
 * Live enterprises (not archived, not deregistered) passing `where`, by pinyin, at most 50, with the name of
 * the org covering them (the raising form's choice).
 */
export async function raisableEnterprises(
  db: Db | Trx,
  where: (eb: ExpressionBuilder<DB, 'enterprise' | 'org'>) => Expression<SqlBool>,
  q: string | undefined,
) {
  const rows = await db
    .selectFrom('enterprise')
    .leftJoin('org', 'org.id', 'enterprise.covering_org_id')
    .select(['enterprise.id', 'enterprise.name', 'org.name as orgName', 'enterprise.area_org_id'])
    .where('enterprise.archived_at', 'is', null)
    .where('enterprise.operating_status', '<>', 'deregistered')
    .where(where)
    .$if(Boolean(q), (qb) => qb.where(like('enterprise.name', q!)))
    .orderBy('enterprise.name_pinyin')
    .limit(50)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, orgName: r.orgName, areaOrgId: r.area_org_id }));
}
