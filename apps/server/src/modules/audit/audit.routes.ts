import { auditListResponse, auditQuery, auditVerifyResponse } from '@tongxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { verifyAuditChain } from '../../platform/audit/verify-audit.js';
import type { Trx } from '../../platform/db/connect.js';
import { like } from '../../platform/db/helpers.js';
import { forbidden } from '../../platform/http/errors.js';

const signedIn = { access: 'signed-in' } as const;
const tags = ['audit'];

/** AUD-06: the audit admin's read-only view; every read and verification is itself audited. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.get(
    '/api/audit',
    {
      config: signedIn,
      schema: { tags, summary: '查询审计日志', querystring: auditQuery, response: { 200: auditListResponse } },
    },
    async (request) => {
      if (!request.ctx.access.holdsGlobally('audit.read')) throw forbidden();
      const q = request.query;
      // Dates are Beijing calendar days; the log keeps UTC.
      const from = q.from ? new Date(`${q.from}T00:00:00+08:00`).toISOString() : null;
      const to = q.to ? new Date(`${q.to}T23:59:59.999+08:00`).toISOString() : null;
      const filtered = (trx: Trx) =>
        trx
          .selectFrom('audit_log')
          .$if(!!q.type, (b) => b.where(like('type', q.type!, 'prefix')))
          .$if(!!q.actor, (b) => b.where('actor_name', '=', q.actor!))
          .$if(!!q.result, (b) => b.where('result', '=', q.result!))
          .$if(from !== null, (b) => b.where('at', '>=', from!))
          .$if(to !== null, (b) => b.where('at', '<=', to!));
      return deps.db.transaction().execute(async (trx) => {
        const [rows, total] = await Promise.all([
          filtered(trx)
            .selectAll()
            .orderBy('seq', 'desc')
            .limit(q.pageSize)
            .offset((q.page - 1) * q.pageSize)
            .execute(),
          filtered(trx)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow(),
        ]);
        await deps.audit.record(trx, request.ctx.actor, { type: 'audit.read', detail: { query: q, returned: rows.length } });
        return {
          total: Number(total.n),
          items: rows.map((r) => ({
            seq: Number(r.seq),
            at: r.at,
            type: r.type,
            result: r.result,
            actorId: r.actor_id,
            actorName: r.actor_name,
            actorRole: r.actor_role,
            orgId: r.org_id,
            objectType: r.object_type,
            objectId: r.object_id,
            ip: r.ip,
            requestId: r.request_id,
            detail: JSON.parse(r.detail) as unknown,
          })),
        };
      });
    },
  );

  app.post(
    '/api/audit/verify',
    { config: signedIn, schema: { tags, summary: '校验审计日志哈希链', response: { 200: auditVerifyResponse } } },
    async (request) => {
      if (!request.ctx.access.holdsGlobally('audit.verify')) throw forbidden();
      const result = await verifyAuditChain(deps.db, deps.crypto);
      await deps.db.transaction().execute((trx) =>
        deps.audit.record(trx, request.ctx.actor, {
          type: 'audit.verify',
          result: result.ok ? 'success' : 'failed',
          detail: { ...result },
        }),
      );
      return result;
    },
  );
};
