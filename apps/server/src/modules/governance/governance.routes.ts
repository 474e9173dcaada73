import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mediaRoutes } from './media/media.routes.js';
import { pledgeRoutes } from './pledges/pledges.routes.js';
import { releaseRoutes } from './releases/releases.routes.js';
import { rumourRoutes } from './rumours/rumours.routes.js';

/** Online governance (网络空间治理, issue #17): pledges, the media matrix, releases and relay tasks, rumours. */
export const governanceRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(pledgeRoutes);
  await app.register(mediaRoutes);
  await app.register(releaseRoutes);
  await app.register(rumourRoutes);
};
