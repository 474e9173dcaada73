import type { Ctx } from '../../context.js';
import { like } from '../../platform/db/helpers.js';
import { forbidden } from '../../platform/http/errors.js';
import { presentAccounts } from './account.presenter.js';
import { visibleAccounts } from './account.repository.js';

export async function listAccounts(ctx: Ctx, query: { q?: string | undefined; page: number; pageSize: number }) {
  const { access } = ctx;
  if (!access.holdsAnywhere('account.read') && !access.holdsAnywhere('system.account.manage')) throw forbidden();
  const needle = query.q?.toLowerCase() ?? null;
  const base = visibleAccounts(ctx.db, access).$if(needle !== null, (q) =>
    q.where((eb) => eb.or([like('app_user.username_lower', needle!), like('app_user.display_name', needle!)])),
  );
  const [rows, total] = await Promise.all([
    base
      .leftJoin('org', 'org.id', 'app_user.home_org_id')
      .selectAll('app_user')
      .select('org.name as home_org_name')
      .orderBy('app_user.created_at', 'desc')
      .orderBy('app_user.id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const { maxFailures, windowMinutes } = ctx.config.lockout;
  const since = new Date(ctx.clock.now().getTime() - windowMinutes * 60_000).toISOString();
  const failures = rows.length
    ? await ctx.db
        .selectFrom('login_failure')
        .select(['username_lower', (eb) => eb.fn.countAll<number>().as('n')])
        .where(
          'username_lower',
          'in',
          rows.map((r) => r.username_lower),
        )
        .where('at', '>', since)
        .groupBy('username_lower')
        .execute()
    : [];
  const locked = new Set(failures.filter((f) => Number(f.n) >= maxFailures).map((f) => f.username_lower));
  return { items: await presentAccounts(ctx.db, access, rows, locked), total: Number(total.n) };
}
