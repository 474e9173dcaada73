import path from 'node:path';
import type SQLite from 'better-sqlite3';
import { openSqlite } from '../../apps/server/src/platform/db/connect.js';
import type { CapturedQuery } from './capture.js';
import { type Measurement, Recorder } from './stats.js';

export interface QueryProfile {
  sql: string;
  meanUs: number;
  /** EXPLAIN QUERY PLAN, one step a line: a SCAN of a big table is usually the reason a statement is slow. */
  plan: string[];
}

export interface DirectResult {
  measurement: Measurement;
  /** Captured statements that write (the once-a-minute session touch): not replayed. */
  skippedWrites: number;
  /** Each statement timed on its own, slowest first. */
  profile: QueryProfile[];
}

interface Prepared {
  stmt: SQLite.Statement;
  sql: string;
  params: unknown[];
}

function timeEach(db: SQLite.Database, list: readonly Prepared[], seconds: number): QueryProfile[] {
  return list
    .map(({ stmt, sql, params }) => {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);
      let n = 0;
      const start = performance.now();
      const end = start + seconds * 1000;
      while (performance.now() < end) {
        stmt.all(params);
        n += 1;
      }
      return { sql, meanUs: ((performance.now() - start) * 1000) / n, plan };
    })
    .sort((a, b) => b.meanUs - a.meanUs);
}

/**
 * Replays a route's captured SQL on a connection of its own (opened with the server's pragmas): prepared
 * once, same parameters, in the same order, back to back for `seconds`. One operation = the whole list.
 */
export function measureDirect(dataDir: string, queries: readonly CapturedQuery[], seconds: number): DirectResult {
  const db = openSqlite(path.join(dataDir, 'tongxin.db'));
  try {
    const all = queries.map((q) => ({ stmt: db.prepare(q.sql), sql: q.sql, params: [...q.parameters] }));
    const reads = all.filter((p) => p.stmt.reader);
    // Warm-up: page cache and statement caches, as the HTTP runs get theirs.
    const warmEnd = performance.now() + Math.min(2, seconds) * 1000;
    while (performance.now() < warmEnd) for (const p of reads) p.stmt.all(p.params);

    const recorder = new Recorder();
    const start = performance.now();
    const end = start + seconds * 1000;
    let now = start;
    while (now < end) {
      const t0 = now;
      for (const p of reads) p.stmt.all(p.params);
      now = performance.now();
      recorder.record(now - t0);
    }
    const measurement = recorder.summarise((now - start) / 1000);
    const profile = timeEach(db, reads, Math.min(0.3, seconds / 10));
    return { measurement, skippedWrites: all.length - reads.length, profile };
  } finally {
    db.close();
  }
}
