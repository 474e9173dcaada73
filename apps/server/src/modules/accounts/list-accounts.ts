import type { Ctx } from '../../context.js';
import { forbidden } from '../../platform/http/errors.js';
import { countLoginFailures, findAccountPage } from './account.repository.js';
import { accountViews } from './account-views.js';

export async function listAccounts(ctx: Ctx, query: { q?: string | undefined; page: number; pageSize: number }) {
  const { access } = ctx;
  if (!access.holdsAnywhere('account.read') && !access.holdsAnywhere('system.account.manage')) throw forbidden();
  const needle = query.q?.toLowerCase() ?? null;
  const { rows, total } = await findAccountPage(ctx.db, access, needle, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const { maxFailures, windowMinutes } = ctx.config.lockout;
  const since = new Date(ctx.clock.now().getTime() - windowMinutes * 60_000).toISOString();
  const failures = await countLoginFailures(
    ctx.db,
    rows.map((r) => r.username_lower),
    since,
  );
  const locked = new Set([...failures].filter(([, n]) => n >= maxFailures).map(([name]) => name));
  return { items: await accountViews(ctx.db, access, rows, locked), total };
}
