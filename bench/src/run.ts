import os from 'node:os';
import { parseArgs } from './args.js';
import { captureQueries } from './capture.js';
import { type DirectResult, measureDirect } from './direct.js';
import { ensureData } from './generate.js';
import { measureHttp } from './load.js';
import { meetingsScenario } from './meetings-scenario.js';
import { memberScenario } from './members-scenario.js';
import { printRatios, printSlowest, printTable, type Ratio, type Row, writeResults } from './report.js';
import { signIn, startServer } from './server-process.js';
import type { Measurement } from './stats.js';

/**
 * Scenario "district admin: tree + org page" against the real server, compared in the same run with the
 * same SQL replayed straight on the database and with a trivial signed-in route.
 */
const args = parseArgs(process.argv.slice(2));
const data = await ensureData(args);
const scenarios = {
  tree: ['/api/orgs/roots', `/api/orgs/${data.districtId}/children`],
  orgPage: [`/api/orgs/${data.targetId}`],
  me: ['/api/auth/me'],
} as const;
/** Baselines: our pipeline on a public route whose handler reads nothing (headers, cookie, session, grants), and bare Fastify. */
const baselines = { health: ['/api/health'], floor: ['/floor'] } as const;
console.log(
  `\n区县管理员 / district admin ${data.username} @ ${data.districtName} (${data.districtOrgs} orgs in subtree); ` +
    `org page: ${data.targetName} (depth ${data.targetDepth})\n` +
    `${args.connections} connections, ${args.warmup}s warm-up + ${args.duration}s per run; ${os.cpus().length} CPUs, node ${process.version}`,
);

const http: Record<string, Measurement> = {};
/** SQL time inside the server per request, by step (see sql-timer.ts). */
const sqlMs: Record<string, number> = {};
const server = await startServer(data.dataDir);
let captured: Awaited<ReturnType<typeof captureQueries>>;
try {
  const cookie = await signIn(server.port, data.username, data.password);
  captured = await captureQueries(data.dataDir, cookie, scenarios);
  const load = (paths: readonly string[], connections: number) => ({
    port: paths === baselines.floor ? server.floorPort : server.port,
    cookie,
    paths,
    connections,
    seconds: args.duration,
  });
  const steps: [string, readonly string[], number][] = [
    ['tree', scenarios.tree, args.connections],
    ['orgPage', scenarios.orgPage, args.connections],
    ['orgPage1', scenarios.orgPage, 1],
    ['me', scenarios.me, args.connections],
    ['health', baselines.health, args.connections],
    ['floor', baselines.floor, args.connections],
  ];
  for (const [key, paths, connections] of steps) {
    process.stdout.write(`HTTP ${key} (${connections} conn) ... `);
    http[key] = await measureHttp(load(paths, connections), args.warmup, () => server.resetSqlTime());
    console.log(`${http[key]!.perSecond.toFixed(0)} req/s`);
    sqlMs[key] = (await server.sqlTime()).micros / 1000 / http[key]!.ops;
  }
} finally {
  await server.stop();
}

// The server is down now: the direct replays get the machine to themselves, as the server had.
const direct: Record<string, DirectResult> = {};
for (const key of Object.keys(scenarios) as (keyof typeof scenarios)[]) {
  process.stdout.write(`direct SQL ${key} (${captured[key]!.length} statements) ... `);
  direct[key] = measureDirect(data.dataDir, captured[key]!, args.duration);
  console.log(`${direct[key]!.measurement.perSecond.toFixed(0)} ops/s`);
}

const c = args.connections;
const rows: Row[] = [
  { key: 'http.tree', label: `HTTP tree: roots + district children (${c} conn, per request)`, perAction: 2, m: http.tree! },
  { key: 'http.orgPage', label: `HTTP org page GET /api/orgs/:id (${c} conn)`, perAction: 1, m: http.orgPage! },
  { key: 'http.orgPage1', label: 'HTTP org page GET /api/orgs/:id (1 conn)', perAction: 1, m: http.orgPage1! },
  { key: 'http.me', label: `HTTP trivial GET /api/auth/me (${c} conn)`, perAction: 1, m: http.me! },
  { key: 'http.health', label: `HTTP GET /api/health, handler reads nothing (${c} conn)`, perAction: 1, m: http.health! },
  { key: 'http.floor', label: `HTTP bare Fastify, one constant route (${c} conn)`, perAction: 1, m: http.floor! },
  { key: 'direct.tree', label: 'direct SQL: tree (both requests)', perAction: 1, m: direct.tree!.measurement },
  { key: 'direct.orgPage', label: 'direct SQL: org page', perAction: 1, m: direct.orgPage!.measurement },
  { key: 'direct.me', label: 'direct SQL: /api/auth/me', perAction: 1, m: direct.me!.measurement },
];
printTable(rows);
console.log('ms/op = 1000 / (ops/s): time per request at saturation (server) or per replay of all statements (direct).');

const ratios: Ratio[] = [
  {
    key: 'orgPageVsDirect',
    label: 'org page route ms/op ÷ direct queries ms/op',
    value: http.orgPage!.msPerOp / direct.orgPage!.measurement.msPerOp,
    target: 3,
  },
  {
    key: 'orgPageLatencyVsDirect',
    label: 'org page p50 at 1 connection ÷ direct queries p50',
    value: http.orgPage1!.p50Ms / direct.orgPage!.measurement.p50Ms,
  },
  {
    key: 'orgPageVsMe',
    label: 'org page route ms/op ÷ trivial /api/auth/me ms/op',
    value: http.orgPage!.msPerOp / http.me!.msPerOp,
  },
  {
    key: 'treeVsDirect',
    label: 'tree load (2 requests) ms ÷ direct queries ms',
    value: (2 * http.tree!.msPerOp) / direct.tree!.measurement.msPerOp,
  },
  {
    key: 'floorVsDirect',
    label: 'bare Fastify ms/op ÷ org page direct queries ms/op (the lowest ratio any HTTP route can have)',
    value: http.floor!.msPerOp / direct.orgPage!.measurement.msPerOp,
  },
  {
    key: 'orgPageOverFloor',
    label: '(org page − bare Fastify) ms/op ÷ direct queries ms/op: our own cost above the floor',
    value: (http.orgPage!.msPerOp - http.floor!.msPerOp) / direct.orgPage!.measurement.msPerOp,
  },
  {
    key: 'orgPageSqlInServerVsDirect',
    label: 'org page SQL timed inside the server under load ÷ the same SQL replayed alone',
    value: sqlMs.orgPage! / direct.orgPage!.measurement.msPerOp,
  },
  {
    key: 'orgPageSqlFloorVsDirect',
    label: '(bare Fastify + org page SQL inside the server) ÷ direct: no code of ours at all',
    value: (http.floor!.msPerOp + sqlMs.orgPage!) / direct.orgPage!.measurement.msPerOp,
  },
  {
    // /api/health already pays the session and grants SQL; add only the org page's own statements.
    key: 'orgPageLowerBoundVsDirect',
    label: "(/api/health + the org page handler's own SQL inside the server) ÷ direct: a handler doing nothing else",
    value: (http.health!.msPerOp + sqlMs.orgPage! - sqlMs.health!) / direct.orgPage!.measurement.msPerOp,
  },
  {
    key: 'meVsDirect',
    label: '/api/auth/me route ms/op ÷ direct queries ms/op',
    value: http.me!.msPerOp / direct.me!.measurement.msPerOp,
  },
];
printRatios(ratios);
for (const key of Object.keys(direct)) printSlowest(`direct SQL ${key}`, direct[key]!);

if (!args.orgsOnly) {
  const members = await memberScenario(data, args);
  rows.push(...members.rows);
  ratios.push(...members.ratios);

  const meetings = await meetingsScenario(data, args);
  rows.push(...meetings.rows);
  ratios.push(...meetings.ratios);
}

const { password: _password, ...dataInfo } = data;
const file = writeResults({
  args,
  data: dataInfo,
  results: Object.fromEntries(rows.map((r) => [r.key, r.m])),
  ratios: Object.fromEntries(ratios.map((r) => [r.key, r.value])),
  slowestStatements: Object.fromEntries(Object.entries(direct).map(([k, d]) => [k, d.profile.slice(0, 3)])),
});
console.log(`结果已写入 / results written to ${file}`);
