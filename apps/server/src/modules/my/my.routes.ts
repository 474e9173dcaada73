import { myOverview } from '@tongxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { myOverview as getMyOverview } from './my-overview.js';

export const myRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/my',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['my'],
        summary: '我的（本人的支部、组织生活、学时、活动、党费、评议、转接）',
        response: { 200: myOverview },
      },
    },
    (request) => getMyOverview(request.ctx),
  );
};
