import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { openDeps } from '../../apps/server/src/platform/open-deps.js';
import { type BenchArgs, parseArgs } from './args.js';
import { bulkWriter, type WriteCounts } from './bulk-writer.js';
import { prng } from './names.js';
import { benchConfig, dataDirFor, isMain } from './paths.js';
import { planTree } from './tree.js';

export const BENCH_USERNAME = 'bench_district_admin';
export const BENCH_PASSWORD = 'Bench#Tongxin2026';
// Bump when the generated shape changes, so old data dirs are rebuilt rather than reused.
const GENERATOR_VERSION = 3;

/** What run.ts needs to know about a generated data dir (kept next to it as bench-meta.json). */
export interface BenchData {
  version: number;
  orgs: number;
  membersPerBranch: number;
  dataDir: string;
  districtId: string;
  districtName: string;
  districtOrgs: number;
  /** The org-page target: a branch with a committee at the deepest branch level of the admin's district. */
  targetId: string;
  targetName: string;
  targetDepth: number;
  username: string;
  password: string;
  counts: WriteCounts;
  seconds: number;
  generatedAt: string;
}

const metaFile = (dir: string) => path.join(dir, 'bench-meta.json');

function readMeta(dir: string): BenchData | null {
  try {
    return JSON.parse(fs.readFileSync(metaFile(dir), 'utf8')) as BenchData;
  } catch {
    return null;
  }
}

/** Reuses bench/out/data-<N> when it was generated with the same N and shape; otherwise builds it afresh. */
export async function ensureData(args: Pick<BenchArgs, 'orgs' | 'members' | 'fresh'>): Promise<BenchData & { reused: boolean }> {
  const dir = dataDirFor(args.orgs);
  const meta = readMeta(dir);
  if (
    !args.fresh &&
    meta &&
    meta.version === GENERATOR_VERSION &&
    meta.orgs === args.orgs &&
    meta.membersPerBranch === args.members
  ) {
    console.log(`复用已生成的数据 / reusing generated data: ${dir} (${meta.orgs} orgs, generated ${meta.generatedAt})`);
    return { ...meta, reused: true };
  }
  return { ...(await generate(dir, args.orgs, args.members)), reused: false };
}

export async function generate(dir: string, orgs: number, membersPerBranch: number): Promise<BenchData> {
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`生成 / generating ${orgs} orgs in ${dir} ...`);
  const started = performance.now();
  const deps = await openDeps(benchConfig(dir));
  try {
    const sqlite = deps.database.sqlite;
    if (!sqlite) throw new Error('bench generator needs SQLite');
    const rand = prng(20_260_301 + orgs);
    const now = deps.clock.now();
    const writer = bulkWriter(sqlite, deps.crypto, rand, membersPerBranch, now);
    const districts: { id: string; name: string; orgs: number }[] = [];
    const candidates: { id: string; name: string; depth: number }[] = [];
    let deepest = 0;
    planTree(orgs, rand, (org) => {
      const hasCommittee = writer.add(org);
      if (org.level === 'district') districts.push({ id: org.id, name: org.named.name, orgs: 0 });
      if (org.district >= 0) districts[org.district]!.orgs += 1;
      if (org.district === 0 && hasCommittee && org.ancestors.length >= deepest) {
        if (org.ancestors.length > deepest) candidates.length = 0;
        deepest = org.ancestors.length;
        candidates.push({ id: org.id, name: org.named.name, depth: deepest });
      }
    });
    writer.flush();
    const district = districts[0]!;
    const target = candidates[Math.floor(candidates.length / 2)];
    if (!target) throw new Error('no branch with a committee in the first district: use a larger --orgs');

    // The district admin: a committee admin with subtree reach at the largest district.
    const at = now.toISOString();
    const userId = uuidv7();
    const passwordHash = await deps.crypto.hashPassword(BENCH_PASSWORD);
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('app_user')
        .values({
          id: userId,
          username: BENCH_USERNAME,
          username_lower: BENCH_USERNAME,
          display_name: '基准测试区县管理员',
          password_hash: passwordHash,
          must_change_password: 0,
          must_change_username: 0,
          home_org_id: district.id,
          disabled_at: null,
          created_at: at,
          password_changed_at: at,
          last_login_at: null,
          member_id: null,
        })
        .execute();
      await trx
        .insertInto('role_grant')
        .values({
          id: uuidv7(),
          user_id: userId,
          role: 'committee_admin',
          org_id: district.id,
          reach: 'subtree',
          created_at: at,
          created_by: null,
        })
        .execute();
    });
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const meta: BenchData = {
      version: GENERATOR_VERSION,
      orgs,
      membersPerBranch,
      dataDir: dir,
      districtId: district.id,
      districtName: district.name,
      districtOrgs: district.orgs,
      targetId: target.id,
      targetName: target.name,
      targetDepth: target.depth,
      username: BENCH_USERNAME,
      password: BENCH_PASSWORD,
      counts: writer.counts,
      seconds: Math.round((performance.now() - started) / 10) / 100,
      generatedAt: at,
    };
    fs.writeFileSync(metaFile(dir), `${JSON.stringify(meta, null, 2)}\n`);
    const c = meta.counts;
    console.log(
      `生成完成 / generated in ${meta.seconds}s: ${c.orgs} orgs, ${c.closure} closure rows, ${c.members} members, ` +
        `${c.committees} committees (${c.committeeMembers} committee members); ${district.name} has ${district.orgs} orgs`,
    );
    return meta;
  } finally {
    await deps.database.close();
  }
}

if (isMain(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  await ensureData(args);
}
