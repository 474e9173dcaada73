import type { Ctx } from '../../context.js';
import { findSessionsOf } from './auth.repository.js';

/** The caller's sessions; the session id is the token's hash, so clients see a short handle instead. */
export async function listMySessions(ctx: Ctx) {
  const session = ctx.session!;
  const rows = await findSessionsOf(ctx.db, session.userId);
  return {
    items: rows.map((r) => ({
      id: r.id.slice(0, 16),
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      ip: r.ip,
      userAgent: r.user_agent,
      current: r.id === session.id,
    })),
  };
}
