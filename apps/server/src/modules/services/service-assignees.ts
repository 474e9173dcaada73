import type { Ctx } from '../../context.js';
import { forbidden } from '../../platform/http/errors.js';
import { handlersFor } from './service-list.repository.js';
import { loadServiceRequest } from './service-sides.js';

/** GET /api/service-requests/:id/assignees: whom the request can be assigned to (handlers only). */
export async function serviceAssignees(ctx: Ctx, id: string) {
  const { r, sides } = await loadServiceRequest(ctx.db, ctx.access, id);
  if (!sides.handler) throw forbidden('只有党委承办人员可以指派诉求');
  const rows = await handlersFor(ctx.db, r.org_id);
  const seen = new Set<string>();
  const items = rows
    .filter((u) => !seen.has(u.id) && seen.add(u.id))
    .map((u) => ({ id: u.id, name: u.name, orgName: u.orgName }));
  return { items };
}
