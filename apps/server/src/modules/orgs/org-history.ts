import type { Ctx } from '../../context.js';

const ACTION_LABELS: Record<string, string> = {
  create: '设立',
  rename: '更名',
  move: '调整隶属关系',
  merge: '合并',
  dissolve: '撤销',
  committee: '委员会',
};

export async function orgHistory(ctx: Ctx, id: string) {
  await ctx.access.authorize('org.read', id);
  const rows = await ctx.db
    .selectFrom('org_history')
    .leftJoin('app_user', 'app_user.id', 'org_history.actor_id')
    .select(['org_history.id', 'org_history.at', 'org_history.action', 'org_history.summary', 'app_user.display_name'])
    .where('org_history.org_id', '=', id)
    .orderBy('org_history.at', 'desc')
    .limit(200)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      action: ACTION_LABELS[r.action] ?? r.action,
      actorName: r.display_name,
      summary: r.summary,
    })),
  };
}
