import path from 'node:path';
import { openSqlite } from '../../apps/server/src/platform/db/connect.js';
import type { BenchArgs } from './args.js';
import { captureQueries } from './capture.js';
import { type DirectResult, measureDirect } from './direct.js';
import type { BenchData } from './generate.js';
import { measureHttp } from './load.js';
import { printRatios, printSlowest, printTable, type Ratio, type Row } from './report.js';
import { signIn, startServer } from './server-process.js';
import type { Measurement } from './stats.js';

/** The load: 32 connections on SQLite, at least 500 requests/s for the member page. */
const CONNECTIONS = 32;
const MIN_PER_SECOND = 500;

const COLUMNS = `m.id, m.org_id, m.name, m.gender, m.birth_date, m.id_number_masked, m.phone_masked, m.education, m.status,
  m.mobility, m.joined_on, m.full_on, m.archived_at, o.name as org_name`;

/**
 * The best direct SQL for the same pages, written by hand: the 20 rows by pinyin through the district's
 * closure, and the total (kept per org for the unfiltered page, counted for a name filter).
 */
function bestSql(districtId: string, name: string, pinyin: string) {
  const page = (filter: string) =>
    `select ${COLUMNS} from member m join org o on o.id = m.org_id
     where m.archived_at is null ${filter}
       and exists (select 1 from org_closure c where c.ancestor_id = ? and c.descendant_id = m.org_id)
     order by m.name_pinyin, m.id limit 20`;
  const count = (filter: string) =>
    `select count(*) from member m where m.archived_at is null ${filter}
       and exists (select 1 from org_closure c where c.ancestor_id = ? and c.descendant_id = m.org_id)`;
  const byName = 'and m.name >= ? and m.name < ?';
  const byPinyin = 'and ((m.name_initials >= ? and m.name_initials < ?) or (m.name_pinyin >= ? and m.name_pinyin < ?))';
  const nameParams = [name, `${name}\uffff`, districtId];
  const pinyinParams = [pinyin, `${pinyin}\uffff`, pinyin, `${pinyin}\uffff`, districtId];
  return {
    page: [
      { sql: page(''), parameters: [districtId] },
      { sql: 'select subtree from org_member_count where org_id = ?', parameters: [districtId] },
    ],
    byName: [
      { sql: page(byName), parameters: nameParams },
      { sql: count(byName), parameters: nameParams },
    ],
    byPinyin: [
      { sql: page(byPinyin), parameters: pinyinParams },
      { sql: count(byPinyin), parameters: pinyinParams },
    ],
  };
}

/** A real name in the district to search for (one from the middle of its rolls). */
function searchTarget(data: BenchData): { name: string; pinyin: string } {
  const db = openSqlite(path.join(data.dataDir, 'tongxin.db'));
  try {
    const { subtree } = db.prepare('select subtree from org_member_count where org_id = ?').get(data.districtId) as {
      subtree: number;
    };
    return db
      .prepare(
        `select m.name, m.name_pinyin as pinyin from member m join org_closure c on c.descendant_id = m.org_id
         where c.ancestor_id = ? and m.archived_at is null limit 1 offset ?`,
      )
      .get(data.districtId, Math.floor(subtree / 2)) as { name: string; pinyin: string };
  } finally {
    db.close();
  }
}

/** Scenario "district admin: member page" — the route at 32 connections beside the best direct SQL. */
export async function memberScenario(data: BenchData, args: BenchArgs) {
  const target = searchTarget(data);
  const q = (text: string) => `/api/members?pageSize=20&q=${encodeURIComponent(text)}`;
  const scenarios = { page: ['/api/members?pageSize=20'], byName: [q(target.name)], byPinyin: [q(target.pinyin)] } as const;
  console.log(`\n党员名册 / member page: ${data.districtName}; searches for 「${target.name}」 and "${target.pinyin}"`);
  const http: Record<string, Measurement> = {};
  const server = await startServer(data.dataDir);
  let captured: Awaited<ReturnType<typeof captureQueries>>;
  try {
    const cookie = await signIn(server.port, data.username, data.password);
    captured = await captureQueries(data.dataDir, cookie, scenarios);
    for (const [key, paths] of Object.entries(scenarios)) {
      process.stdout.write(`HTTP members.${key} (${CONNECTIONS} conn) ... `);
      http[key] = await measureHttp(
        { port: server.port, cookie, paths, connections: CONNECTIONS, seconds: args.duration },
        args.warmup,
      );
      console.log(`${http[key]!.perSecond.toFixed(0)} req/s`);
    }
  } finally {
    await server.stop();
  }
  const best = bestSql(data.districtId, target.name, target.pinyin);
  const direct: Record<string, DirectResult> = {};
  const replay: Record<string, DirectResult> = {};
  for (const key of Object.keys(scenarios) as (keyof typeof scenarios)[]) {
    direct[key] = measureDirect(data.dataDir, best[key], args.duration);
    replay[key] = measureDirect(data.dataDir, captured[key]!, args.duration);
  }
  const rows: Row[] = Object.keys(scenarios).flatMap((key) => [
    { key: `http.members.${key}`, label: `HTTP member page ${key} (${CONNECTIONS} conn)`, perAction: 1, m: http[key]! },
    { key: `best.members.${key}`, label: `best direct SQL ${key}`, perAction: 1, m: direct[key]!.measurement },
    { key: `replay.members.${key}`, label: `route's own SQL replayed ${key}`, perAction: 1, m: replay[key]!.measurement },
  ]);
  printTable(rows);
  const ratios: Ratio[] = Object.keys(scenarios).flatMap((key) => [
    {
      key: `members.${key}VsBest`,
      label: `member page ${key}: route ms/op ÷ best direct SQL ms/op`,
      value: http[key]!.msPerOp / direct[key]!.measurement.msPerOp,
      target: 2,
    },
    {
      key: `members.${key}PerSecond`,
      label: `member page ${key}: ${MIN_PER_SECOND} req/s ÷ measured req/s (≤1 meets ≥${MIN_PER_SECOND}/s)`,
      value: MIN_PER_SECOND / http[key]!.perSecond,
      target: 1,
    },
  ]);
  printRatios(ratios);
  for (const key of Object.keys(direct)) printSlowest(`best direct SQL members.${key}`, direct[key]!);
  for (const key of Object.keys(replay)) printSlowest(`route SQL members.${key}`, replay[key]!);
  return { rows, ratios };
}
