import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Reach, Role } from '@tongxin/contracts';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from '../src/app.js';
import { insertOrg } from '../src/modules/orgs/org.repository.js';
import { auditWriter } from '../src/platform/audit/record-audit.js';
import { TestClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import { generateKeySet } from '../src/platform/crypto/keys.js';
import { type CryptoProvider, softwareCrypto } from '../src/platform/crypto/provider.js';
import { openDatabase } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import type { Deps } from '../src/platform/deps.js';

export const PASSWORD = 'Ceshi#Mima2026';
export const TEST_PASSWORD_COST = { memoryCost: 8_192, timeCost: 1, parallelism: 1 };
export const engine = process.env.TEST_DATABASE_URL ? 'postgres' : 'sqlite';

/** PASSWORD's hash under each test database's keys (the pepper differs between them). */
const passwordHashes = new WeakMap<CryptoProvider, Promise<string>>();

/** A fresh database of its own (a temp SQLite file, or a new PostgreSQL database) for one test file. */
export async function testDeps(overrides: Partial<Deps['config']> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-test-'));
  let databaseUrl: string | null = null;
  let dropDb: (() => Promise<void>) | null = null;
  if (process.env.TEST_DATABASE_URL) {
    const name = `tx_${uuidv7().replaceAll('-', '').slice(-16)}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDb = async () => {
      const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  // The per-IP login rate limit runs on the wall clock; tests that are not about it lift it.
  // Tests move the clock by years: admin passwords would expire at the next sign-in. password-aging.test.ts
  // switches expiry back on to test it.
  const config = {
    ...loadConfig({ DATA_DIR: dir, PASSWORD_MAX_AGE_DAYS: '0' }),
    databaseUrl,
    loginRateLimitPerMinute: 100_000,
    ...overrides,
  };
  const database = await openDatabase({ databaseUrl, sqliteFile: path.join(dir, 'tongxin.db') });
  await migrateToLatest(database.db);
  // Tests sign in thousands of times: a cheap argon2id cost here; provider.test.ts asserts the production cost.
  const crypto: CryptoProvider = softwareCrypto(generateKeySet(), TEST_PASSWORD_COST);
  const clock = new TestClock(new Date());
  const deps: Deps = {
    config,
    database,
    db: database.db,
    crypto,
    clock,
    audit: auditWriter(crypto, clock, database.dialect),
    demo: false,
  };
  passwordHashes.set(crypto, crypto.hashPassword(PASSWORD));
  return {
    deps,
    clock,
    dir,
    async close() {
      await database.close();
      await dropDb?.();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestEnv = Awaited<ReturnType<typeof testDeps>>;

export async function testApp(overrides: Partial<Deps['config']> = {}) {
  const env = await testDeps(overrides);
  const app = await buildApp(env.deps);
  return {
    ...env,
    app,
    async close() {
      await app.close();
      await env.close();
    },
  };
}

/** Orgs by name → id, for a small named tree built straight into the database. */
export async function addOrg(
  deps: Deps,
  parentId: string | null,
  name: string,
  kind: 'committee' | 'branch' | 'joint_branch' | 'general_branch' | 'group',
  level: 'city' | 'district' | 'park' | null = null,
) {
  return deps.db
    .transaction()
    .execute((trx) => insertOrg(trx, { parentId, name, kind, level, foundedOn: null, createdAt: new Date().toISOString() }));
}

/**
 * The standard tree of the access tests:
 * city ─┬─ districtA ─┬─ branchA1 ── groupA1
 *       │             └─ branchA2
 *       └─ districtB ──── branchB1
 */
export async function standardTree(deps: Deps) {
  const city = await addOrg(deps, null, '测试市互联网行业党委', 'committee', 'city');
  const districtA = await addOrg(deps, city, '甲区互联网行业党委', 'committee', 'district');
  const districtB = await addOrg(deps, city, '乙区互联网行业党委', 'committee', 'district');
  const branchA1 = await addOrg(deps, districtA, '甲一科技有限公司党支部', 'branch');
  const branchA2 = await addOrg(deps, districtA, '甲二网络有限公司党支部', 'branch');
  const branchB1 = await addOrg(deps, districtB, '乙一传媒有限公司党支部', 'branch');
  const groupA1 = await addOrg(deps, branchA1, '研发党小组', 'group');
  return { city, districtA, districtB, branchA1, branchA2, branchB1, groupA1 };
}

export async function addUser(
  deps: Deps,
  username: string,
  grants: { role: Role; orgId: string | null; reach?: Reach }[],
  homeOrgId: string | null = null,
) {
  const id = uuidv7();
  const now = new Date().toISOString();
  await deps.db
    .insertInto('app_user')
    .values({
      id,
      username,
      username_lower: username.toLowerCase(),
      display_name: username,
      password_hash: await passwordHashes.get(deps.crypto)!,
      must_change_password: 0,
      must_change_username: 0,
      home_org_id: homeOrgId ?? grants[0]?.orgId ?? null,
      disabled_at: null,
      created_at: now,
      password_changed_at: now,
      last_login_at: null,
      member_id: null,
    })
    .execute();
  for (const g of grants) {
    await deps.db
      .insertInto('role_grant')
      .values({
        id: uuidv7(),
        user_id: id,
        role: g.role,
        org_id: g.orgId,
        reach: g.reach ?? 'subtree',
        created_at: now,
        created_by: null,
      })
      .execute();
  }
  return id;
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

type Injectable = Pick<FastifyInstance, 'inject'>;

export async function signIn(app: Injectable, username: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${JSON.stringify(res.json())}`);
  const setCookie = String(res.headers['set-cookie']);
  const cookie = setCookie.split(';')[0]!;
  const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
  const csrf = me.json().csrfToken as string;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
