import { auditListResponse, auditQuery, auditVerifyResponse } from '@tongxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listAuditLog } from './list-audit-log.js';
import { verifyAuditLog } from './verify-audit-log.js';

const signedIn = { access: 'signed-in' } as const;
const tags = ['audit'];

/** AUD-06: the audit admin's read-only view; every read and verification is itself audited. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      config: signedIn,
      schema: { tags, summary: '查询审计日志', querystring: auditQuery, response: { 200: auditListResponse } },
    },
    (request) => listAuditLog(request.ctx, request.query),
  );
  app.post(
    '/api/audit/verify',
    { config: signedIn, schema: { tags, summary: '校验审计日志哈希链', response: { 200: auditVerifyResponse } } },
    (request) => verifyAuditLog(request.ctx),
  );
};
