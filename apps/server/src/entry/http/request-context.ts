import type { Ctx } from '../../context.js';
import type { SessionInfo } from '../../platform/auth/sessions.js';
import type { Deps } from '../../platform/deps.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The use cases' context, built once by the authentication hook: routes hand it on (`useCase(request.ctx, …)`). */
    ctx: Ctx;
    session: SessionInfo | null;
  }
  interface FastifyInstance {
    deps: Deps;
  }
}
