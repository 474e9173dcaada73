import { type Permission, type Reach, ROLE_PERMISSIONS, type Role } from '@tongxin/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db, Trx } from '../platform/db/connect.js';
import { prepared } from '../platform/db/prepared.js';
import { AppError, forbidden, notFound } from '../platform/http/errors.js';

export interface GrantRow {
  id: string;
  role: Role;
  orgId: string | null;
  reach: Reach;
}

interface Ancestor {
  depth: number;
  name: string;
}

export interface AccessUser {
  id: string;
  username: string;
  displayName: string;
}

/** Permissions that make an org visible at all: without one of them a target is "not found", not "forbidden". */
export const VISIBILITY: readonly Permission[] = ['org.read', 'security.org.directory'];

/**
 * The one authorization object of a request (AZ-03): built once from the user's grants, never cached across
 * requests (AZ-08). `authorize` answers single checks; lists are scoped only through `scope`, `within` and
 * `scopeParts`, all built here from the same grants.
 */
export class Access {
  constructor(
    private readonly db: Db | Trx,
    readonly user: AccessUser | null,
    readonly grants: readonly GrantRow[],
    private readonly ancestorCache = new Map<string, Map<string, Ancestor>>(),
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

  /**
   * The scope builder (AZ-03): a where-condition that holds when the org id in `column` lies where one of the
   * permissions holds. Every list, count, search and export is filtered through it. It is a per-row EXISTS on
   * the closure table's primary key, so its cost follows the rows a query reads, not the size of the scope.
   */
  scope(permissions: Permission | readonly Permission[], column: string): Expression<SqlBool> {
    const col = sql.ref(column);
    return this.scopeCondition(
      permissions,
      column,
      (roots) =>
        sql<SqlBool>`exists (select 1 from org_closure as scope where scope.ancestor_id in (${sql.join(roots)}) and scope.descendant_id = ${col})`,
    );
  }

  /**
   * The same scope, written as "the org in `column` is one of the scope's orgs", for queries that read the
   * whole scope (a total count, or a page sorted across it): the planner then walks the closure table from the
   * scope's tops and looks rows up by their org index, rather than testing every row of a large table.
   */
  within(permissions: Permission | readonly Permission[], column: string): Expression<SqlBool> {
    return this.scopeCondition(
      permissions,
      column,
      (roots) =>
        sql<SqlBool>`${sql.ref(column)} in (select scope.descendant_id from org_closure as scope where scope.ancestor_id in (${sql.join(roots)}))`,
    );
  }

  private scopeCondition(
    permissions: Permission | readonly Permission[],
    column: string,
    subtrees: (roots: string[]) => Expression<SqlBool>,
  ): Expression<SqlBool> {
    const grants = (Array.isArray(permissions) ? permissions : [permissions]).flatMap((p: Permission) => this.grantsWith(p));
    if (grants.some((g) => g.orgId === null)) return sql<SqlBool>`1 = 1`;
    const roots = [...new Set(grants.filter((g) => g.reach === 'subtree').map((g) => g.orgId as string))];
    const single = [...new Set(grants.filter((g) => g.reach === 'org').map((g) => g.orgId as string))];
    const parts: Expression<SqlBool>[] = [];
    if (roots.length) parts.push(subtrees(roots));
    if (single.length) parts.push(sql<SqlBool>`${sql.ref(column)} in (${sql.join(single)})`);
    if (parts.length === 0) return sql<SqlBool>`1 = 0`;
    return parts.length === 1 ? parts[0]! : sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
  }

  /** The top orgs of the scope (grant orgs not lying under another subtree grant); null means the whole tree. */
  async scopeTops(permissions: readonly Permission[]): Promise<string[] | null> {
    const grants = permissions.flatMap((p) => this.grantsWith(p));
    if (grants.some((g) => g.orgId === null)) return null;
    const ids = [...new Set(grants.map((g) => g.orgId as string))];
    const subtreeRoots = new Set(grants.filter((g) => g.reach === 'subtree').map((g) => g.orgId as string));
    const tops: string[] = [];
    for (const id of ids) {
      const ancestors = await this.ancestorsOf(id);
      const covered = [...ancestors.entries()].some(([ancestor, a]) => a.depth > 0 && subtreeRoots.has(ancestor));
      if (!covered && ancestors.size > 0) tops.push(id);
    }
    return tops;
  }

  /**
   * The scope split into disjoint parts: whole subtrees and single orgs (null: the whole tree). Totals kept per
   * org (org_member_count) add up over these parts without double counting.
   */
  async scopeParts(permission: Permission): Promise<{ subtrees: string[]; orgs: string[] } | null> {
    const grants = this.grantsWith(permission);
    if (grants.some((g) => g.orgId === null)) return null;
    const roots = new Set(grants.filter((g) => g.reach === 'subtree').map((g) => g.orgId as string));
    // Covered: an ancestor (strictly above, or also the org itself) is a subtree root.
    const covered = async (id: string, orSelf: boolean) => {
      for (const [ancestor, a] of await this.ancestorsOf(id)) if (roots.has(ancestor) && (orSelf || a.depth > 0)) return true;
      return false;
    };
    const subtrees: string[] = [];
    for (const id of roots) if (!(await covered(id, false))) subtrees.push(id);
    const orgs: string[] = [];
    for (const g of grants) {
      if (g.reach === 'org' && !orgs.includes(g.orgId as string) && !(await covered(g.orgId as string, true)))
        orgs.push(g.orgId as string);
    }
    return { subtrees, orgs };
  }

  /** The org's ancestors (itself at depth 0) with their names: one indexed query, kept for the request. */
  private async ancestorsOf(orgId: string): Promise<Map<string, Ancestor>> {
    let found = this.ancestorCache.get(orgId);
    if (!found) {
      const rows = await ancestorsWithNames(this.db, { orgId });
      found = new Map(rows.map((r) => [r.ancestor_id, { depth: r.depth, name: r.name }]));
      this.ancestorCache.set(orgId, found);
    }
    return found;
  }

  /** The org's path from the top, with only the ancestors the user may see (no query after an authorize). */
  async visiblePath(orgId: string): Promise<{ id: string; name: string }[]> {
    const ancestors = [...(await this.ancestorsOf(orgId)).entries()].sort((a, b) => b[1].depth - a[1].depth);
    const grants = VISIBILITY.flatMap((p) => this.grantsWith(p));
    const depthOf = new Map(ancestors.map(([id, a]) => [id, a.depth]));
    const visible = ([id, a]: [string, Ancestor]) =>
      grants.some((g) => {
        if (g.orgId === null) return true;
        if (g.reach === 'org') return g.orgId === id;
        const grantDepth = depthOf.get(g.orgId);
        return grantDepth !== undefined && grantDepth >= a.depth;
      });
    return ancestors.filter(visible).map(([id, a]) => ({ id, name: a.name }));
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

const ancestorsWithNames = prepared((db, v: { orgId: string }) =>
  db
    .selectFrom('org_closure')
    .innerJoin('org', 'org.id', 'org_closure.ancestor_id')
    .select(['org_closure.ancestor_id', 'org_closure.depth', 'org.name'])
    .where('org_closure.descendant_id', '=', v.orgId),
);

const grantsOf = prepared((db, v: { userId: string }) =>
  db.selectFrom('role_grant').select(['id', 'role', 'org_id', 'reach']).where('user_id', '=', v.userId).orderBy('created_at'),
);

export async function loadGrants(db: Db, userId: string): Promise<GrantRow[]> {
  const rows = await grantsOf(db, { userId });
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
