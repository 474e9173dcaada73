import { Kysely, SqliteDialect } from 'kysely';
import { buildApp } from '../../apps/server/src/app.js';
import type { DB } from '../../apps/server/src/platform/db/types.js';
import type { Deps } from '../../apps/server/src/platform/deps.js';
import { openDeps } from '../../apps/server/src/platform/open-deps.js';
import { benchConfig } from './paths.js';

export interface CapturedQuery {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * The exact SQL a route runs: the real app, built over a Kysely with a `log` hook on its own connection,
 * serves each path once through inject(); every query it sends (session, grants, access checks, the
 * handler's own) is recorded in order. The measured server is a separate process without this hook.
 */
export async function captureQueries(dataDir: string, cookie: string, scenarios: Record<string, readonly string[]>) {
  const deps = await openDeps(benchConfig(dataDir));
  const sqlite = deps.database.sqlite;
  if (!sqlite) throw new Error('query capture needs SQLite');
  let sink: CapturedQuery[] | null = null;
  const logged = new Kysely<DB>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === 'query') sink?.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  const captureDeps: Deps = { ...deps, db: logged, database: { ...deps.database, db: logged } };
  const app = await buildApp(captureDeps);
  const out: Record<string, CapturedQuery[]> = {};
  try {
    for (const [name, paths] of Object.entries(scenarios)) {
      const queries: CapturedQuery[] = [];
      for (const url of paths) {
        // Warm the route once (lazy schema compilation etc.), then record a clean request.
        await app.inject({ method: 'GET', url, headers: { cookie } });
        sink = queries;
        const res = await app.inject({ method: 'GET', url, headers: { cookie } });
        sink = null;
        if (res.statusCode !== 200) throw new Error(`capture: GET ${url} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
      }
      out[name] = queries;
    }
  } finally {
    await app.close();
    await deps.database.close();
  }
  return out;
}
