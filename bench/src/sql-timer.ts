import type SQLite from 'better-sqlite3';

export interface SqlTime {
  statements: number;
  micros: number;
}

/**
 * Times every statement the server runs on this SQLite handle, inside the server under load: the cost the
 * same SQL has there (caches shared with the rest of the request, garbage collection landing in a read),
 * beside what direct.ts measures for it alone. Kysely's statement cache prepares through handle.prepare, so
 * wrapping that sees every `all` and `run` prepared from here on (start-up's statements are not counted, nor
 * streamed `iterate`, which the measured routes do not use); two clock reads per statement are all it adds.
 */
export function timeStatements(handle: SQLite.Database): { read(): SqlTime; reset(): void } {
  let total: SqlTime = { statements: 0, micros: 0 };
  const prepare = handle.prepare.bind(handle);
  const timed =
    <A extends unknown[], R>(run: (...args: A) => R) =>
    (...args: A): R => {
      const start = performance.now();
      try {
        return run(...args);
      } finally {
        total.statements += 1;
        total.micros += (performance.now() - start) * 1000;
      }
    };
  handle.prepare = ((source: string) => {
    const statement = prepare(source);
    statement.all = timed(statement.all.bind(statement)) as typeof statement.all;
    statement.run = timed(statement.run.bind(statement)) as typeof statement.run;
    return statement;
  }) as typeof handle.prepare;
  return {
    read: () => ({ ...total }),
    reset: () => {
      total = { statements: 0, micros: 0 };
    },
  };
}
