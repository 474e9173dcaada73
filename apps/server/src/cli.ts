import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configureChineseMessages, isAdminRole, ROLES, type Role } from '@tongxin/contracts';
import { Command } from 'commander';
import { buildApp } from './app.js';
import { seedDemo } from './demo/seed.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ROLE_HINTS } from './demo/world.js';
import { startBackgroundJobs } from './entry/background-jobs.js';
import { bootstrap, isEmpty } from './entry/bootstrap.js';
import { endSessions, insertAccount, insertGrant } from './platform/accounts.js';
import { auditAnchors, checkpointFile, writeCheckpoint } from './platform/audit/checkpoint.js';
import { SYSTEM_CONTEXT } from './platform/audit/events.js';
import { verifyAuditChain } from './platform/audit/verify-audit.js';
import { settleSecureCookies } from './platform/auth/cookie.js';
import { disableInactiveAccounts } from './platform/auth/inactive-accounts.js';
import { retirePassword } from './platform/auth/password-aging.js';
import { generatePassword } from './platform/auth/password-policy.js';
import { purgeStaleAuthRows } from './platform/auth/purge-stale.js';
import { backup, restore } from './platform/backup.js';
import { loadConfig } from './platform/config.js';
import { loadKeys } from './platform/crypto/keys.js';
import { softwareCrypto } from './platform/crypto/provider.js';
import { openDeps, sqliteFile } from './platform/open-deps.js';
import { TEST_CLOCK_FLAG, testClockFromEnv } from './platform/test-clock.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const webRoot = path.resolve(here, '../../web/dist');
const config = loadConfig();
const pidFile = path.join(config.dataDir, 'server.pid');

function printDemoAccounts(): void {
  console.log('\n  演示环境账号（密码均为 %s）：', DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) console.log(`    ${a.username.padEnd(16)} ${ROLE_HINTS[a.username] ?? ''}`);
  console.log('');
}

configureChineseMessages();
const program = new Command('tongxin').description('同心 · 互联网行业党建工作平台');

program
  .command('start')
  .description('启动服务（空数据库首次启动时载入泸州“1+7+N”演示数据）')
  .option('--no-demo', '正式部署：不载入演示数据，创建须改密的初始管理员')
  .option('--root-name <name>', '正式部署时最高一级党组织名称', '中共XX市互联网行业委员会')
  .action(async (opts: { demo: boolean; rootName: string }) => {
    // Refused before anything opens when the flag meets production or a non-loopback address.
    const testClock = testClockFromEnv(process.env, config.host ?? (opts.demo ? '127.0.0.1' : '0.0.0.0'));
    const deps = await openDeps(config, testClock ?? undefined);
    if (await isEmpty(deps)) {
      if (opts.demo) {
        await seedDemo(deps);
        deps.demo = true;
      } else {
        const admin = await bootstrap(deps, opts.rootName);
        console.log(`\n  初始管理员：${admin.username}  初始密码：${admin.password}\n  首次登录须修改用户名和密码。\n`);
      }
    }
    const listenHost = config.host ?? (deps.demo ? '127.0.0.1' : '0.0.0.0');
    settleSecureCookies(config, listenHost);
    const app = await buildApp(deps, { webRoot, logger: { level: config.logLevel }, testClock });
    if (testClock) console.warn(`\n  测试时钟已启用（${TEST_CLOCK_FLAG}），仅供测试使用\n`);
    await app.listen({ port: config.port, host: listenHost });
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(pidFile, String(process.pid));
    const jobs = await startBackgroundJobs(deps, app.log);
    const stop = async () => {
      await app.close();
      await jobs.stop();
      await deps.database.close();
      fs.rmSync(pidFile, { force: true });
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    console.log(
      `\n  同心 Tongxin 已启动：http://localhost:${config.port}  （数据库：${deps.database.dialect === 'sqlite' ? sqliteFile(config) : 'PostgreSQL'}）`,
    );
    if (deps.demo) printDemoAccounts();
  });

program
  .command('migrate')
  .description('执行数据库迁移')
  .action(async () => {
    const deps = await openDeps(config);
    await deps.database.close();
    console.log('数据库已是最新结构');
  });

program
  .command('seed')
  .description('向空数据库载入演示数据')
  .action(async () => {
    const deps = await openDeps(config);
    if (!(await isEmpty(deps))) throw new Error('数据库不为空，拒绝载入演示数据');
    await seedDemo(deps);
    await deps.database.close();
    printDemoAccounts();
  });

program
  .command('create-admin')
  .description('创建账号并授予角色（用于创建三员账号）')
  .requiredOption('--role <role>', `角色：${ROLES.join(' | ')}`)
  .requiredOption('--username <username>', '用户名')
  .option('--name <displayName>', '姓名', '')
  .option('--org <orgId>', '业务角色所在组织编号')
  .action(async (opts: { role: string; username: string; name: string; org?: string }) => {
    if (!(ROLES as readonly string[]).includes(opts.role)) throw new Error(`未知角色 ${opts.role}`);
    const role = opts.role as Role;
    if (!isAdminRole(role) && !opts.org) throw new Error('业务角色须用 --org 指定组织');
    const deps = await openDeps(config);
    const password = generatePassword(deps.crypto.randomToken);
    const hash = await deps.crypto.hashPassword(password);
    const now = deps.clock.now().toISOString();
    await deps.db.transaction().execute(async (trx) => {
      const taken = await trx
        .selectFrom('app_user')
        .select('id')
        .where('username_lower', '=', opts.username.toLowerCase())
        .executeTakeFirst();
      if (taken) throw new Error('该用户名已被使用');
      const orgId = isAdminRole(role) ? null : (opts.org ?? null);
      const id = await insertAccount(trx, {
        username: opts.username,
        displayName: opts.name || opts.username,
        passwordHash: hash,
        homeOrgId: orgId,
        createdAt: now,
      });
      await insertGrant(trx, { userId: id, role, orgId, reach: 'subtree', createdAt: now, createdBy: null });
      await deps.audit.record(trx, SYSTEM_CONTEXT, {
        type: 'account.create',
        objectType: 'user',
        objectId: id,
        detail: { via: 'cli', role, orgId },
      });
    });
    await deps.database.close();
    console.log(`已创建 ${opts.username}（${role}），初始密码：${password}（首次登录须修改）`);
  });

program
  .command('reset-password')
  .description('重置账号密码（运维在服务器上执行，用于找回三员账号；下次登录须修改）')
  .requiredOption('--username <username>', '用户名')
  .action(async (opts: { username: string }) => {
    const deps = await openDeps(config);
    const password = generatePassword(deps.crypto.randomToken);
    const hash = await deps.crypto.hashPassword(password);
    await deps.db.transaction().execute(async (trx) => {
      const user = await trx
        .selectFrom('app_user')
        .select(['id', 'password_hash'])
        .where('username_lower', '=', opts.username.toLowerCase())
        .executeTakeFirst();
      if (!user) throw new Error(`没有用户名为 ${opts.username} 的账号`);
      const now = deps.clock.now().toISOString();
      await retirePassword(trx, user.id, user.password_hash, now, config.passwordHistory);
      // Also re-enables the account: this is how an operator recovers one disabled for inactivity (AUTH-11).
      await trx
        .updateTable('app_user')
        .set({
          password_hash: hash,
          must_change_password: 1,
          password_changed_at: now,
          disabled_at: null,
        })
        .where('id', '=', user.id)
        .execute();
      await trx.deleteFrom('login_failure').where('username_lower', '=', opts.username.toLowerCase()).execute();
      await endSessions(trx, user.id);
      await deps.audit.record(trx, SYSTEM_CONTEXT, {
        type: 'auth.password_reset',
        objectType: 'user',
        objectId: user.id,
        detail: { via: 'cli' },
      });
    });
    await deps.database.close();
    console.log(`已重置 ${opts.username} 的密码，临时密码：${password}（下次登录须修改）`);
  });

program
  .command('disable-inactive')
  .description(`停用长期未登录的账号（默认 90 天，INACTIVE_ACCOUNT_DAYS）并清理过期会话；服务运行时每 6 小时自动执行`)
  .action(async () => {
    const deps = await openDeps(config);
    const names = await disableInactiveAccounts(deps);
    const purged = await purgeStaleAuthRows(deps);
    await deps.database.close();
    console.log(names.length ? `已停用 ${names.length} 个账号：${names.join('、')}` : '没有需要停用的账号');
    console.log(`已清理过期会话 ${purged.sessions} 个、过期登录失败记录 ${purged.loginFailures} 条`);
  });

program
  .command('audit-checkpoint')
  .description('签署审计日志检查点（SM2），写到 AUDIT_SINK_FILE 旁的 .checkpoints 文件')
  .action(async () => {
    if (!config.auditSinkFile) throw new Error('未配置 AUDIT_SINK_FILE：检查点须写到数据目录以外');
    const deps = await openDeps(config);
    const checkpoint = await writeCheckpoint(deps, checkpointFile(config.auditSinkFile));
    await deps.database.close();
    console.log(`已签署检查点：第 ${checkpoint.seq} 条（${checkpoint.at}）`);
  });

program
  .command('verify-audit')
  .description('校验审计日志哈希链，报告第一条异常记录')
  .action(async () => {
    const deps = await openDeps(config);
    const result = await verifyAuditChain(deps.db, deps.crypto, await auditAnchors(config.auditSinkFile));
    await deps.db.transaction().execute((trx) =>
      deps.audit.record(trx, SYSTEM_CONTEXT, {
        type: 'audit.verify',
        result: result.ok ? 'success' : 'failed',
        detail: { ...result },
      }),
    );
    await deps.database.close();
    if (result.ok) console.log(`审计日志完整：共 ${result.checked} 条`);
    else {
      console.error(`审计日志异常：第 ${result.firstBadSeq} 条，${result.reason}（此前 ${result.checked} 条完好）`);
      process.exitCode = 1;
    }
  });

program
  .command('backup <file>')
  .description('在线备份（服务运行时也可执行），备份后校验完整性和审计链')
  .action(async (file: string) => {
    const deps = await openDeps(config);
    const report = await backup(deps, file);
    await deps.database.close();
    console.log(
      `备份完成：${report.file}（${report.bytes} 字节，审计日志 ${report.auditEntries} 条已校验；` +
        `附件 ${report.files} 个，本次新增 ${report.filesCopied} 个）`,
    );
  });

program
  .command('restore <file>')
  .description('从备份恢复（SQLite 须先停止服务）')
  .action(async (file: string) => {
    const crypto = softwareCrypto(loadKeys(config.keyFile));
    await restore({
      source: file,
      dataDir: config.dataDir,
      sqliteFile: sqliteFile(config),
      databaseUrl: config.databaseUrl,
      crypto,
      pidFile,
    });
    const deps = await openDeps(config);
    await deps.db
      .transaction()
      .execute((trx) =>
        deps.audit.record(trx, SYSTEM_CONTEXT, { type: 'system.restore', detail: { source: path.resolve(file) } }),
      );
    await deps.database.close();
    console.log('恢复完成');
  });

program.parseAsync().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
