import type { Ctx } from '../../context.js';
import { findOrgHistory } from './org.repository.js';

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
  const rows = await findOrgHistory(ctx.db, id, 200);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      action: ACTION_LABELS[r.action] ?? r.action,
      actorName: r.actorName,
      summary: r.summary,
    })),
  };
}
