import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.js';
import { loadConfig } from '../src/platform/config.js';
import { openDeps } from '../src/platform/open-deps.js';
import { engine } from './support.js';

const run = promisify(execFile);
const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/cli.ts');

/** The `tongxin` command against a data folder of its own, as an operator would run it. */
const tongxin = (dataDir: string, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', cli, ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } });

describe.runIf(engine === 'sqlite')('CLI: backup → restore round trip, verify-audit (DB-05, AUD-03)', () => {
  it('backs up while a connection is open, restores the exact data, and verify-audit names a tampered row', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-backup-'));
    try {
      const deps = await openDeps(loadConfig({ DATA_DIR: dataDir }));
      await seedDemo(deps);
      const orgsBefore = await deps.db.selectFrom('org').select(['id', 'name']).orderBy('id').execute();
      // The live connection stays open during the backup: it is an online backup.
      const backupFile = path.join(dataDir, 'backups', 'tongxin-1.db');
      const { stdout } = await tongxin(dataDir, 'backup', backupFile);
      expect(stdout).toMatch(/备份完成.*审计日志 \d+ 条已校验/);
      await deps.db.deleteFrom('committee_member').execute();
      await deps.db.deleteFrom('org_committee').execute();
      await deps.db.updateTable('member').set({ name: '已篡改' }).execute();
      await deps.database.close();

      await tongxin(dataDir, 'restore', backupFile);
      const restored = await openDeps(loadConfig({ DATA_DIR: dataDir }));
      expect(await restored.db.selectFrom('org').select(['id', 'name']).orderBy('id').execute()).toEqual(orgsBefore);
      const names = await restored.db.selectFrom('member').select('name').execute();
      expect(names.length).toBeGreaterThan(1000);
      expect(names.filter((m) => m.name === '已篡改')).toEqual([]);
      const types = (await restored.db.selectFrom('audit_log').select('type').orderBy('seq').execute()).map((r) => r.type);
      expect(types).toEqual(expect.arrayContaining(['system.seed', 'system.restore']));
      expect((await tongxin(dataDir, 'verify-audit')).stdout).toMatch(/审计日志完整：共 \d+ 条/);
      const reset = await tongxin(dataDir, 'reset-password', '--username', 'auditor');
      const temporary = reset.stdout.match(/临时密码：(\S+)（/)?.[1];
      expect(temporary).toMatch(/^Tx-/);
      const auditor = await restored.db
        .selectFrom('app_user')
        .selectAll()
        .where('username', '=', 'auditor')
        .executeTakeFirstOrThrow();
      expect(await restored.crypto.verifyPassword(auditor.password_hash, temporary!)).toBe(true);
      expect(auditor.must_change_password).toBe(1);

      await sql`DROP TRIGGER audit_log_no_update`.execute(restored.db);
      await restored.db.updateTable('audit_log').set({ actor_name: 'mallory' }).where('seq', '=', 2).execute();
      await restored.database.close();
      const failed = await tongxin(dataDir, 'verify-audit').catch((err: { code: number; stderr: string }) => err);
      expect(failed).toMatchObject({ code: 1 });
      expect((failed as { stderr: string }).stderr).toMatch(/审计日志异常：第 2 条，记录内容被篡改/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('restore refuses a damaged backup and leaves the database as it was', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-restore-'));
    try {
      const deps = await openDeps(loadConfig({ DATA_DIR: dataDir }));
      await seedDemo(deps);
      await deps.database.close();
      const bad = path.join(dataDir, 'bad.db');
      fs.writeFileSync(bad, 'this is not a database');
      const err = await tongxin(dataDir, 'restore', bad).catch((e: { code: number }) => e);
      expect(err).toMatchObject({ code: 1 });
      const again = await openDeps(loadConfig({ DATA_DIR: dataDir }));
      expect((await again.db.selectFrom('org').select('id').execute()).length).toBeGreaterThan(40);
      await again.database.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
