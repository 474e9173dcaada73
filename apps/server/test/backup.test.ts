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
import { storeBytes } from '../src/platform/files/store.js';
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

  it('keeps attachment files with the backup, adds only new ones, and restores them before the database', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-backup-files-'));
    try {
      const deps = await openDeps(loadConfig({ DATA_DIR: dataDir }));
      await seedDemo(deps);
      const org = await deps.db.selectFrom('org').select('id').executeTakeFirstOrThrow();
      const user = await deps.db.selectFrom('app_user').select('id').executeTakeFirstOrThrow();
      const bytes = Buffer.from(`签到表扫描件 ${Date.now()}`);
      const storageName = await storeBytes(dataDir, bytes);
      const row = {
        id: '019a0000-0000-7000-8000-000000000001',
        owner_kind: 'meeting',
        owner_id: null,
        org_id: org.id,
        file_name: '签到表.pdf',
        file_type: 'pdf',
        media_type: 'application/pdf',
        size_bytes: bytes.length,
        sm3: deps.crypto.sm3(bytes),
        storage_name: storageName,
        uploaded_by: user.id,
        uploaded_at: new Date().toISOString(),
        attached_at: null,
      };
      await deps.db.insertInto('attachment').values(row).execute();
      // The demo world has attachments of its own (meeting photos): every one goes with the backup.
      const stored = Number(
        (
          await deps.db
            .selectFrom('attachment')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      await deps.database.close();

      const backups = path.join(dataDir, 'backups');
      const first = await tongxin(dataDir, 'backup', path.join(backups, 'one.db'));
      expect(first.stdout).toContain(`附件 ${stored} 个，本次新增 ${stored} 个`);
      const second = await tongxin(dataDir, 'backup', path.join(backups, 'two.db'));
      expect(second.stdout).toContain(`附件 ${stored} 个，本次新增 0 个`);
      expect(fs.readFileSync(path.join(backups, 'files', storageName))).toEqual(bytes);

      fs.rmSync(path.join(dataDir, 'files'), { recursive: true });
      await tongxin(dataDir, 'restore', path.join(backups, 'two.db'));
      expect(fs.readFileSync(path.join(dataDir, 'files', storageName))).toEqual(bytes);

      // A backup folder that lost a file: the restore stops before touching the database.
      fs.rmSync(path.join(dataDir, 'files'), { recursive: true });
      fs.rmSync(path.join(backups, 'files', storageName));
      const live = await openDeps(loadConfig({ DATA_DIR: dataDir }));
      await live.db.updateTable('org').set({ name: '恢复前的名称' }).where('id', '=', org.id).execute();
      await live.database.close();
      const refused = await tongxin(dataDir, 'restore', path.join(backups, 'one.db')).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect(refused).toMatchObject({ code: 1 });
      expect((refused as { stderr: string }).stderr).toContain('备份中缺少 1 个附件文件');
      const after = await openDeps(loadConfig({ DATA_DIR: dataDir }));
      const kept = await after.db.selectFrom('org').select('name').where('id', '=', org.id).executeTakeFirstOrThrow();
      expect(kept.name).toBe('恢复前的名称');
      await after.database.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
