import {
  createPledgeBody,
  governanceIdParams,
  pledgeDetail,
  pledgeListResponse,
  pledgeSignaturesQuery,
  pledgeSignaturesResponse,
  pledgeVersionBody,
  signPledgeBody,
} from '@tongxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createPledge } from './create-pledge.js';
import { getPledge } from './get-pledge.js';
import { listPledgeSignatures } from './list-pledge-signatures.js';
import { listPledges } from './list-pledges.js';
import { revisePledge } from './revise-pledge.js';
import { signPledge } from './sign-pledge.js';

const signedIn = { access: 'signed-in' } as const;
const tags = ['governance'];
const params = governanceIdParams;

export const pledgeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/governance/pledges',
    { config: signedIn, schema: { tags, summary: '自律倡议书列表', response: { 200: pledgeListResponse } } },
    (request) => listPledges(request.ctx),
  );
  app.post(
    '/api/governance/pledges',
    {
      config: signedIn,
      schema: { tags, summary: '发布自律倡议书', body: createPledgeBody, response: { 201: z.object({ id: z.string() }) } },
    },
    async (request, reply) => reply.status(201).send({ id: await createPledge(request.ctx, request.body) }),
  );
  app.get(
    '/api/governance/pledges/:id',
    { config: signedIn, schema: { tags, summary: '倡议书全文、版本与本企业签署情况', params, response: { 200: pledgeDetail } } },
    (request) => getPledge(request.ctx, request.params.id),
  );
  app.post(
    '/api/governance/pledges/:id/versions',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '修订倡议书（新版本，企业须重新签署）',
        params,
        body: pledgeVersionBody,
        response: { 201: z.object({ version: z.number().int() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ version: await revisePledge(request.ctx, request.params.id, request.body) }),
  );
  app.get(
    '/api/governance/pledges/:id/signatures',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '签署情况（已签、待重签、未签，按区县）',
        params,
        querystring: pledgeSignaturesQuery,
        response: { 200: pledgeSignaturesResponse },
      },
    },
    (request) => listPledgeSignatures(request.ctx, request.params.id, request.query),
  );
  app.post(
    '/api/governance/pledges/:id/sign',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '企业签署倡议书（当前版本）',
        params,
        body: signPledgeBody,
        response: { 201: z.object({ version: z.number().int() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await signPledge(request.ctx, request.params.id, request.body.enterpriseId)),
  );
};
