import {
  cancelTransferBody,
  createTransferBody,
  receiptTransferBody,
  rejectTransferBody,
  transferDestinationQuery,
  transferDestinationResponse,
  transferDetail,
  transferIdParams,
  transferListQuery,
  transferListResponse,
} from '@tongxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptTransfer } from './accept-transfer.js';
import { cancelTransfer } from './cancel-transfer.js';
import { createTransfer } from './create-transfer.js';
import { getTransfer } from './get-transfer.js';
import { listTransfers } from './list-transfers.js';
import { recordReceipt } from './record-receipt.js';
import { rejectTransfer } from './reject-transfer.js';
import { transferDestinations } from './transfer-destinations.js';

const signedIn = { access: 'signed-in' } as const;
const tags = ['transfers'];
const ok = z.object({ ok: z.literal(true) });

export const transferRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/transfers',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '组织关系转接（转出、转入、逾期）',
        querystring: transferListQuery,
        response: { 200: transferListResponse },
      },
    },
    (request) => listTransfers(request.ctx, request.query),
  );
  app.get(
    '/api/transfers/destinations',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '转接接收组织名录（仅名称）',
        querystring: transferDestinationQuery,
        response: { 200: transferDestinationResponse },
      },
    },
    (request) => transferDestinations(request.ctx, request.query.q),
  );
  app.post(
    '/api/transfers',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '开具介绍信或登记市外转入',
        body: createTransferBody,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send({ id: await createTransfer(request.ctx, request.body) }),
  );
  app.get(
    '/api/transfers/:id',
    { config: signedIn, schema: { tags, summary: '转接详情', params: transferIdParams, response: { 200: transferDetail } } },
    (request) => getTransfer(request.ctx, request.params.id),
  );
  app.post(
    '/api/transfers/:id/accept',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '接收转接（党员转入本组织）',
        params: transferIdParams,
        response: { 200: z.object({ memberId: z.string() }) },
      },
    },
    (request) => acceptTransfer(request.ctx, request.params.id),
  );
  app.post(
    '/api/transfers/:id/reject',
    {
      config: signedIn,
      schema: { tags, summary: '退回转接', params: transferIdParams, body: rejectTransferBody, response: { 200: ok } },
    },
    async (request) => {
      await rejectTransfer(request.ctx, request.params.id, request.body.reason);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/transfers/:id/cancel',
    {
      config: signedIn,
      schema: { tags, summary: '撤销转接', params: transferIdParams, body: cancelTransferBody, response: { 200: ok } },
    },
    async (request) => {
      await cancelTransfer(request.ctx, request.params.id, request.body.reason);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/transfers/:id/receipt',
    {
      config: signedIn,
      schema: { tags, summary: '登记转出回执', params: transferIdParams, body: receiptTransferBody, response: { 200: ok } },
    },
    async (request) => {
      await recordReceipt(request.ctx, request.params.id, request.body.receivedOn);
      return { ok: true as const };
    },
  );
};
