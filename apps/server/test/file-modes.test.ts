import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db/connect.js';
import { engine } from './support.js';

/** Issue #14 finding 8: the database and its WAL hold personal data; only the service's own user may read them. */
describe.runIf(engine === 'sqlite')('DP-02: database files are created 0600 in a 0700 folder', () => {
  it('the database, its -wal and -shm, and a new data folder', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-modes-'));
    const previous = process.umask(0o022);
    try {
      const file = path.join(root, 'data', 'tongxin.db');
      const database = await openDatabase({ databaseUrl: null, sqliteFile: file });
      await sql`create table t (x integer)`.execute(database.db);
      await sql`insert into t values (1)`.execute(database.db);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(fs.statSync(f).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
      await database.close();
    } finally {
      process.umask(previous);
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
