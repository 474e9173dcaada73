import { myStudyHours, orgStudyHours, orgStudyHoursQuery, studyHoursQuery } from '@tongxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { myStudyHours as getMyStudyHours } from './my-study-hours.js';
import { orgStudyHours as getOrgStudyHours } from './org-study-hours.js';

const signedIn = { access: 'signed-in' } as const;
const tags = ['learning'];

export const learningRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/my/study-hours',
    {
      config: signedIn,
      schema: { tags, summary: '我的学时（仅本人）', querystring: studyHoursQuery, response: { 200: myStudyHours } },
    },
    (request) => getMyStudyHours(request.ctx, request.query.year),
  );
  app.get(
    '/api/orgs/:id/study-hours',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '本组织党员学时（按姓名排列，仅供参考，不排名）',
        params: z.object({ id: z.string().uuid('编号格式不正确') }),
        querystring: orgStudyHoursQuery,
        response: { 200: orgStudyHours },
      },
    },
    (request) => getOrgStudyHours(request.ctx, request.params.id, request.query),
  );
};
