import { ledgerCheckQuery, ledgerCheckResponse } from '@tongxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { runLedgerCheck } from './ledger-check.js';

export const ledgerCheckRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/ledger-check',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['members'],
        summary: '台账体检（身份证号、日期、预备期、重复、缺项和组织设置问题）',
        querystring: ledgerCheckQuery,
        response: { 200: ledgerCheckResponse },
      },
    },
    (request) => runLedgerCheck(request.ctx, request.query),
  );
};
