import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { AuditEvent } from '../../platform/audit/events.js';
import { isUniqueViolation } from '../../platform/db/helpers.js';
import { AppError } from '../../platform/http/errors.js';
import { requestActor } from './authenticate.js';

/** One error shape for the whole API, Chinese messages, no stack traces (IN-11). */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const requestId = request.id;
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        return { path, message: v.message ?? '格式不正确' };
      });
      return reply.status(400).send({
        error: { code: 'validation_failed', message: fields[0]?.message ?? '请求格式不正确', fields, requestId },
      });
    }
    if (error instanceof AppError) {
      // Refusals of signed-in users are audited: 403, and 404 too, since invisible objects answer 404 (IDOR probes).
      if ((error.status === 403 || error.status === 404) && request.session) await auditDenied(app, request, error);
      if (error.audit) await auditAfterRollback(app, request, error.audit);
      return reply.status(error.status).send({
        error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}), requestId },
      });
    }
    // A unique index caught a race the use case's own check could not see (two writers at once).
    if (isUniqueViolation(error)) {
      return reply
        .status(409)
        .send({ error: { code: 'conflict', message: '数据已被他人同时修改或重复提交，请刷新后重试', requestId } });
    }
    if (error.statusCode === 429) {
      return reply.status(429).send({ error: { code: 'rate_limited', message: '请求过于频繁，请稍后再试', requestId } });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const message = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? '请求内容过大' : '请求格式不正确';
      return reply.status(error.statusCode).send({ error: { code: 'validation_failed', message, requestId } });
    }
    request.log.error({ err: error, requestId }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: '服务器内部错误，请稍后重试', requestId } });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: '请求的地址不存在', requestId: request.id } }),
  );
}

function auditDenied(app: FastifyInstance, request: FastifyRequest, error: AppError) {
  return auditAfterRollback(app, request, {
    type: 'access.denied',
    result: 'denied',
    detail: {
      method: request.method,
      route: request.routeOptions.url ?? request.url,
      status: error.status,
      message: error.message,
    },
  });
}

/** The refused action's transaction has rolled back: the event goes in a transaction of its own. */
async function auditAfterRollback(app: FastifyInstance, request: FastifyRequest, event: AuditEvent) {
  try {
    await app.deps.db
      .transaction()
      .execute((trx) => app.deps.audit.record(trx, request.ctx?.actor ?? requestActor(request, null), event));
  } catch (err) {
    request.log.error({ err }, 'could not audit a refused request');
  }
}
