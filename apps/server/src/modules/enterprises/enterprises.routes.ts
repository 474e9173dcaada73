import {
  archiveEnterpriseBody,
  assignInstructorBody,
  assignmentIdParams,
  coverageQuery,
  coverageResponse,
  createEnterpriseBody,
  endAssignmentBody,
  enterpriseContactBody,
  enterpriseContactParams,
  enterpriseDetail,
  enterpriseIdParams,
  enterpriseListQuery,
  enterpriseListResponse,
  instructorCandidates,
  instructorLogBody,
  instructorWorkQuery,
  instructorWorkResponse,
  restoreEnterpriseBody,
  updateEnterpriseBody,
} from '@tongxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountCandidates } from './account-candidates.js';
import { addContact } from './add-enterprise-contact.js';
import { archiveEnterprise } from './archive-enterprise.js';
import { assignInstructor } from './assign-instructor.js';
import { coverage } from './coverage.js';
import { createEnterprise } from './create-enterprise.js';
import { endAssignment } from './end-assignment.js';
import { getEnterprise } from './get-enterprise.js';
import { instructorWork } from './instructor-work.js';
import { linkMembersByEmployer } from './link-members.js';
import { listEnterprises } from './list-enterprises.js';
import { recordInstructorLog } from './record-instructor-log.js';
import { removeContact } from './remove-enterprise-contact.js';
import { restoreEnterprise } from './restore-enterprise.js';
import { updateEnterprise } from './update-enterprise.js';

const signedIn = { access: 'signed-in' } as const;
const tags = ['enterprises'];
const ok = z.object({ ok: z.literal(true) });
const created = { 201: z.object({ id: z.string() }) };

export const enterpriseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/enterprises',
    {
      config: signedIn,
      schema: { tags, summary: '企业名录', querystring: enterpriseListQuery, response: { 200: enterpriseListResponse } },
    },
    (request) => listEnterprises(request.ctx, request.query),
  );
  app.post(
    '/api/enterprises',
    { config: signedIn, schema: { tags, summary: '登记企业', body: createEnterpriseBody, response: created } },
    async (request, reply) => reply.status(201).send({ id: await createEnterprise(request.ctx, request.body) }),
  );
  app.get(
    '/api/enterprises/coverage',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '两个覆盖（覆盖率、未覆盖企业）',
        querystring: coverageQuery,
        response: { 200: coverageResponse },
      },
    },
    (request) => coverage(request.ctx, request.query.orgId),
  );
  app.get(
    '/api/enterprises/candidates',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '可选的党建指导员或企业联络员账号（仅姓名）',
        querystring: z
          .object({ role: z.enum(['instructor', 'enterprise_contact']), q: z.string().trim().max(30).optional() })
          .strict(),
        response: { 200: instructorCandidates },
      },
    },
    (request) => accountCandidates(request.ctx, request.query.role, request.query.q),
  );
  app.get(
    '/api/enterprises/:id',
    { config: signedIn, schema: { tags, summary: '企业详情', params: enterpriseIdParams, response: { 200: enterpriseDetail } } },
    (request) => getEnterprise(request.ctx, request.params.id),
  );
  app.put(
    '/api/enterprises/:id',
    {
      config: signedIn,
      schema: { tags, summary: '修改企业信息', params: enterpriseIdParams, body: updateEnterpriseBody, response: { 200: ok } },
    },
    async (request) => {
      await updateEnterprise(request.ctx, request.params.id, request.body);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/enterprises/:id/archive',
    {
      config: signedIn,
      schema: { tags, summary: '企业归档', params: enterpriseIdParams, body: archiveEnterpriseBody, response: { 200: ok } },
    },
    async (request) => {
      await archiveEnterprise(request.ctx, request.params.id, request.body.reason);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/enterprises/:id/restore',
    {
      config: signedIn,
      schema: { tags, summary: '恢复已归档企业', params: enterpriseIdParams, body: restoreEnterpriseBody, response: { 200: ok } },
    },
    async (request) => {
      await restoreEnterprise(request.ctx, request.params.id, request.body.reason);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/enterprises/:id/contacts',
    {
      config: signedIn,
      schema: { tags, summary: '关联企业联络员', params: enterpriseIdParams, body: enterpriseContactBody, response: { 200: ok } },
    },
    async (request) => {
      await addContact(request.ctx, request.params.id, request.body.userId);
      return { ok: true as const };
    },
  );
  app.delete(
    '/api/enterprises/:id/contacts/:userId',
    { config: signedIn, schema: { tags, summary: '解除企业联络员', params: enterpriseContactParams, response: { 200: ok } } },
    async (request) => {
      await removeContact(request.ctx, request.params.id, request.params.userId);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/enterprises/:id/members/link',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '按工作单位名称关联党员（本人管理范围内、尚未关联企业的在册党员）',
        params: enterpriseIdParams,
        response: { 200: z.object({ linked: z.number() }) },
      },
    },
    (request) => linkMembersByEmployer(request.ctx, request.params.id),
  );
  app.post(
    '/api/enterprises/:id/assignments',
    {
      config: signedIn,
      schema: { tags, summary: '选派党建指导员', params: enterpriseIdParams, body: assignInstructorBody, response: created },
    },
    async (request, reply) =>
      reply.status(201).send({ id: await assignInstructor(request.ctx, request.params.id, request.body) }),
  );
  app.post(
    '/api/instructor-assignments/:id/end',
    {
      config: signedIn,
      schema: { tags, summary: '结束指导员选派', params: assignmentIdParams, body: endAssignmentBody, response: { 200: ok } },
    },
    async (request) => {
      await endAssignment(request.ctx, request.params.id, request.body.endsOn);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/enterprises/:id/logs',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '记录指导员工作（走访、谈心谈话、帮扶）',
        params: enterpriseIdParams,
        body: instructorLogBody,
        response: created,
      },
    },
    async (request, reply) =>
      reply.status(201).send({ id: await recordInstructorLog(request.ctx, request.params.id, request.body) }),
  );
  app.get(
    '/api/instructor-work',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '指导员工作台账（选派、逾期、工作记录）',
        querystring: instructorWorkQuery,
        response: { 200: instructorWorkResponse },
      },
    },
    (request) => instructorWork(request.ctx, request.query),
  );
};
