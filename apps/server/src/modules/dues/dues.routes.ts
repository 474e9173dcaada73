import {
  decideDuesReductionBody,
  duesIdParams,
  duesMemberResponse,
  duesReductionListResponse,
  duesReductionQuery,
  duesSheetQuery,
  duesSheetResponse,
  recordDuesPaymentsBody,
  recordDuesPaymentsResponse,
  requestDuesReductionBody,
  revokeDuesPaymentBody,
  setDuesProfileBody,
} from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachment, XLSX_TYPE } from '../../platform/excel/attachment.js';
import { decideReduction } from './decide-reduction.js';
import { duesSheet } from './dues-sheet.js';
import { exportSheet } from './export-sheet.js';
import { listReductions } from './list-reductions.js';
import { memberDues } from './member-dues.js';
import { recordPayments } from './record-payments.js';
import { requestReduction } from './request-reduction.js';
import { revokePayment } from './revoke-payment.js';
import { setDuesProfile } from './set-profile.js';

const signedIn = { access: 'signed-in' } as const;
const tags = ['dues'];
const ok = z.object({ ok: z.literal(true) });

/** IN-08: sheet exports per user per minute, as for the member export. */
export const DUES_EXPORTS_PER_MINUTE = 10;

export const duesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/dues/sheet',
    {
      config: signedIn,
      schema: { tags, summary: '党费收缴表（某组织某月）', querystring: duesSheetQuery, response: { 200: duesSheetResponse } },
    },
    (request) => duesSheet(request.ctx, request.query.orgId, request.query.month),
  );
  app.get(
    '/api/dues/sheet/export',
    {
      config: {
        ...signedIn,
        rateLimit: {
          max: DUES_EXPORTS_PER_MINUTE,
          timeWindow: '1 minute',
          keyGenerator: (request: FastifyRequest) => `dues-export:${request.session?.userId ?? request.ip}`,
        },
      },
      schema: { tags, summary: '导出党费收缴表（Excel）', querystring: duesSheetQuery },
    },
    async (request, reply) => {
      const { file, filename } = await exportSheet(request.ctx, request.query.orgId, request.query.month);
      return reply
        .header('content-disposition', attachment(filename, `dues-${request.query.month}.xlsx`))
        .header('x-content-type-options', 'nosniff')
        .type(XLSX_TYPE)
        .send(file);
    },
  );
  app.get(
    '/api/dues/members/:id',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '党员党费档案（基数沿革、缴纳记录）',
        params: duesIdParams,
        response: { 200: duesMemberResponse },
      },
    },
    (request) => memberDues(request.ctx, request.params.id),
  );
  app.put(
    '/api/dues/members/:id/profile',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '设置党费类别和月收入基数（自某月起）',
        params: duesIdParams,
        body: setDuesProfileBody,
        response: { 200: z.object({ monthlyFen: z.number().int() }) },
      },
    },
    (request) => setDuesProfile(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/dues/payments',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '登记党费缴纳（单人或批量，同一月份）',
        body: recordDuesPaymentsBody,
        response: { 201: recordDuesPaymentsResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await recordPayments(request.ctx, request.body)),
  );
  app.post(
    '/api/dues/payments/:id/revoke',
    {
      config: signedIn,
      schema: { tags, summary: '撤销缴纳记录（更正）', params: duesIdParams, body: revokeDuesPaymentBody, response: { 200: ok } },
    },
    async (request) => {
      await revokePayment(request.ctx, request.params.id, request.body.reason);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/dues/reductions',
    {
      config: signedIn,
      schema: { tags, summary: '党费减免申请', querystring: duesReductionQuery, response: { 200: duesReductionListResponse } },
    },
    (request) => listReductions(request.ctx, request.query),
  );
  app.post(
    '/api/dues/reductions',
    {
      config: signedIn,
      schema: { tags, summary: '申请党费减免', body: requestDuesReductionBody, response: { 201: z.object({ id: z.string() }) } },
    },
    async (request, reply) => reply.status(201).send({ id: await requestReduction(request.ctx, request.body) }),
  );
  app.post(
    '/api/dues/reductions/:id/decide',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '审批党费减免（上一级党组织）',
        params: duesIdParams,
        body: decideDuesReductionBody,
        response: { 200: ok },
      },
    },
    async (request) => {
      await decideReduction(request.ctx, request.params.id, request.body);
      return { ok: true as const };
    },
  );
};
