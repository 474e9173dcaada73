import { todoResponse } from '@tongxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getTodos } from './get-todos.js';

export const todoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/todos',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['todos'], summary: '我的待办（由系统状态生成）', response: { 200: todoResponse } },
    },
    (request) => getTodos(request.ctx),
  );
};
