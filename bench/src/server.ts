import Fastify from 'fastify';
import { buildApp } from '../../apps/server/src/app.js';
import { openDeps } from '../../apps/server/src/platform/open-deps.js';
import { benchConfig } from './paths.js';
import { timeStatements } from './sql-timer.js';

/**
 * The real server in a process of its own (forked by run.ts), so the load generator does not share its
 * event loop: openDeps + buildApp + listen on 127.0.0.1 at a free port, reported to the parent over IPC.
 * Beside it, on a port of its own, a bare Fastify with one constant route: the floor any route of ours
 * stands on (HTTP parsing, Fastify's routing, writing the response), measured by the same load. The floor app
 * also reports the time the real server spent in SQL (POST /sql-time/reset, GET /sql-time).
 */
const dataDir = process.argv[2];
if (!dataDir || !process.send) throw new Error('server.ts is started by run.ts: fork(server.ts, [dataDir])');

const deps = await openDeps(benchConfig(dataDir));
if (!deps.database.sqlite) throw new Error('the bench server runs on SQLite');
const sqlTime = timeStatements(deps.database.sqlite);
const app = await buildApp(deps);
await app.listen({ host: '127.0.0.1', port: 0 });
const floor = Fastify();
floor.get('/floor', async () => ({ ok: true }));
floor.get('/sql-time', async () => sqlTime.read());
floor.post('/sql-time/reset', async () => {
  sqlTime.reset();
  return { ok: true };
});
await floor.listen({ host: '127.0.0.1', port: 0 });
const portOf = (server: typeof app.server) => {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  return address.port;
};

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await floor.close();
  await app.close();
  await deps.database.close();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The parent went away (crash, Ctrl-C): do not outlive it.
process.on('disconnect', stop);
process.send({ port: portOf(app.server), floorPort: portOf(floor.server) });
