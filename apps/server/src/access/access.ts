import { type Permission, type Reach, ROLE_PERMISSIONS, type Role } from '@tongxin/contracts';
import { type SelectQueryBuilder, sql } from 'kysely';
import type { Db, Trx } from '../platform/db/connect.js';
import type { DB } from '../platform/db/types.js';
import { AppError, forbidden, notFound } from '../platform/http/errors.js';

export interface GrantRow {
  id: string;
  role: Role;
  orgId: string | null;
  reach: Reach;
}

export interface AccessUser {
  id: string;
  username: string;
  displayName: string;
}

/** Permissions that make an org visible at all: without one of them a target is "not found", not "forbidden". */
const VISIBILITY: readonly Permission[] = ['org.read', 'security.org.directory'];

export type OrgIdQuery = SelectQueryBuilder<DB, keyof DB, { id: string }>;

/**
 * The one authorization object of a request (AZ-03): built once from the user's grants, never cached across
 * requests (AZ-08). `authorize` answers single checks; `orgIdsWith` is the only way lists are scoped.
 */
export class Access {
  constructor(
    private readonly db: Db | Trx,
    readonly user: AccessUser | null,
    readonly grants: readonly GrantRow[],
    private readonly ancestorCache = new Map<string, Map<string, number>>(),
  ) {}

  /**
   * The same access, querying through a transaction. Inside a transaction, always use this: SQLite has one
   * connection, so a query on the outer handle would wait for the transaction that waits for it.
   */
  in(trx: Trx): Access {
    return new Access(trx, this.user, this.grants, this.ancestorCache);
  }

  get signedIn(): boolean {
    return this.user !== null;
  }

  /** The role shown in audit rows: the user's first grant's role. */
  get primaryRole(): Role | null {
    return this.grants[0]?.role ?? null;
  }

  private grantsWith(permission: Permission): GrantRow[] {
    return this.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission));
  }

  /** Holds the permission somewhere (for menus and function-level checks). */
  holdsAnywhere(permission: Permission): boolean {
    return this.grantsWith(permission).length > 0;
  }

  /** Holds it system-wide (the 三员 grants carry no org). */
  holdsGlobally(permission: Permission): boolean {
    return this.grantsWith(permission).some((g) => g.orgId === null);
  }

  /** Ids of the orgs where the permission holds, as a subquery to put in `where id in (...)`. */
  orgIdsWith(permission: Permission): OrgIdQuery {
    // Only compiled into the caller's query, never run on its own: the handle it is built from does not matter.
    const grants = this.grantsWith(permission);
    if (grants.some((g) => g.orgId === null)) return this.db.selectFrom('org').select('org.id as id');
    const subtreeRoots = grants.filter((g) => g.reach === 'subtree').map((g) => g.orgId as string);
    const single = grants.filter((g) => g.reach === 'org').map((g) => g.orgId as string);
    const none = sql<boolean>`1 = 0`;
    return this.db
      .selectFrom('org_closure')
      .select('org_closure.descendant_id as id')
      .where((eb) =>
        eb.or([
          subtreeRoots.length ? eb('org_closure.ancestor_id', 'in', subtreeRoots) : none,
          single.length ? eb.and([eb('org_closure.descendant_id', 'in', single), eb('org_closure.depth', '=', 0)]) : none,
        ]),
      );
  }

  private async ancestorsOf(orgId: string): Promise<Map<string, number>> {
    let found = this.ancestorCache.get(orgId);
    if (!found) {
      const rows = await this.db
        .selectFrom('org_closure')
        .select(['ancestor_id', 'depth'])
        .where('descendant_id', '=', orgId)
        .execute();
      found = new Map(rows.map((r) => [r.ancestor_id, r.depth]));
      this.ancestorCache.set(orgId, found);
    }
    return found;
  }

  /** True when the permission holds at this org (through a grant at it, or at an ancestor with subtree reach). */
  async can(permission: Permission, orgId: string): Promise<boolean> {
    const grants = this.grantsWith(permission);
    if (grants.length === 0) return false;
    if (grants.some((g) => g.orgId === null)) return (await this.ancestorsOf(orgId)).size > 0;
    const ancestors = await this.ancestorsOf(orgId);
    return grants.some((g) => (g.reach === 'org' ? g.orgId === orgId : ancestors.has(g.orgId as string)));
  }

  async canSee(orgId: string): Promise<boolean> {
    for (const p of VISIBILITY) if (await this.can(p, orgId)) return true;
    return false;
  }

  /**
   * Checks a permission on a resolved org. Invisible or missing → 404 (no existence leak);
   * visible but not allowed → 403.
   */
  async authorize(permission: Permission, orgId: string, what = '组织'): Promise<void> {
    if (!this.user) throw new AppError(401, 'unauthenticated', '请先登录');
    if (await this.can(permission, orgId)) return;
    if (await this.canSee(orgId)) throw forbidden();
    throw notFound(what);
  }

  /** Function-level check for routes that are not about one org. */
  requireAnywhere(permission: Permission): void {
    if (!this.user) throw new AppError(401, 'unauthenticated', '请先登录');
    if (!this.holdsAnywhere(permission)) throw forbidden();
  }
}

export async function loadGrants(db: Db, userId: string): Promise<GrantRow[]> {
  const rows = await db
    .selectFrom('role_grant')
    .select(['id', 'role', 'org_id', 'reach'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, role: r.role, orgId: r.org_id, reach: r.reach }));
}

/** Whether the permission reaches the whole subtree of `orgId` for this user (needed to delegate with subtree reach). */
export async function coversSubtree(access: Access, permission: Permission, orgId: string, db: Db | Trx): Promise<boolean> {
  const grants = access.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission));
  if (grants.some((g) => g.orgId === null)) return true;
  const subtreeRoots = grants.filter((g) => g.reach === 'subtree').map((g) => g.orgId as string);
  if (subtreeRoots.length === 0) return false;
  const hit = await db
    .selectFrom('org_closure')
    .select('ancestor_id')
    .where('descendant_id', '=', orgId)
    .where('ancestor_id', 'in', subtreeRoots)
    .executeTakeFirst();
  return hit !== undefined;
}
