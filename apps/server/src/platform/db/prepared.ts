import type { Compilable, CompiledQuery } from 'kysely';
import type { Db, Trx } from './connect.js';

/** Stands in for one value while a prepared query is built; its place in the compiled parameters is filled per call. */
class Slot {
  constructor(readonly key: string) {}
}

/**
 * A query built and compiled once per database, then run with new values. Kysely spends more time building
 * and compiling a query with sub-selects (≈90 µs for the org page's) than SQLite spends running it (≈18 µs);
 * the queries every request runs (session, grants, ancestors) and the hottest pages use this.
 *
 * The builder receives stand-ins for the values: it may only pass them to Kysely as values (no branching on
 * them, no arrays for `in`), so the SQL is the same for every call. Inside a transaction nothing is cached.
 */
export function prepared<V extends Record<string, string | number | null>, R>(
  build: (db: Db | Trx, values: V) => Compilable<R>,
): (db: Db | Trx, values: V) => Promise<R[]> {
  const compiled = new WeakMap<Db, CompiledQuery<R>>();
  const slots = new Proxy({} as V, { get: (_, key) => new Slot(String(key)) });
  return async (db, values) => {
    let template = db.isTransaction ? undefined : compiled.get(db);
    if (!template) {
      template = build(db, slots).compile();
      if (!db.isTransaction) compiled.set(db, template);
    }
    const parameters = template.parameters.map((p) => {
      if (!(p instanceof Slot)) return p;
      if (!(p.key in values)) throw new Error(`prepared query: no value for ${p.key}`);
      return values[p.key];
    });
    const { rows } = await db.executeQuery<R>({ ...template, parameters });
    return rows;
  };
}
