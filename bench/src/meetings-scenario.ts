import { MEETING_BRANCH_KINDS, MEETING_KINDS, ORG_RULES } from '@tongxin/contracts';
import { type BenchArgs, parseArgs } from './args.js';
import { captureQueries } from './capture.js';
import { type DirectResult, measureDirect } from './direct.js';
import { type BenchData, ensureData } from './generate.js';
import { ensureMeetings } from './meetings-data.js';
import { isMain } from './paths.js';
import { printRatios, printSlowest, printTable, type Ratio, type Row } from './report.js';
import { signIn, startServer } from './server-process.js';
import { type Measurement, Recorder } from './stats.js';

/**
 * The grid of a whole city is one heavy request (seconds on a 2-core machine): it is measured one request at a
 * time, back to back, for at least `duration` seconds and at least MIN_REQUESTS requests, so ms/op is the
 * time the server spends on one grid, like a direct replay's. (autocannon's 10 s timeout and its queueing at
 * several connections would measure the queue, not the grid.)
 */
const MIN_REQUESTS = 5;

async function measureSequential(port: number, cookie: string, url: string, seconds: number, warmup: number) {
  const once = async () => {
    const res = await fetch(`http://127.0.0.1:${port}${url}`, { headers: { cookie } });
    await res.arrayBuffer();
    return res.ok;
  };
  const warmEnd = performance.now() + warmup * 1000;
  do await once();
  while (performance.now() < warmEnd);
  const recorder = new Recorder();
  const start = performance.now();
  while (recorder.count < MIN_REQUESTS || performance.now() - start < seconds * 1000) {
    const t0 = performance.now();
    const ok = await once();
    if (ok) recorder.record(performance.now() - t0);
    else recorder.errors += 1;
  }
  return recorder.summarise((performance.now() - start) / 1000);
}
const BRANCH_KINDS = MEETING_BRANCH_KINDS.map((k) => `'${k}'`).join(', ');

/**
 * The best direct SQL for the whole city's grid, by hand, two ways; the faster is the bar:
 * - rollup: every branch of the subtree (with whether it has groups and a committee, sorted for paging) joined
 *   to its row of the year's rollup (meeting_year) — the route's query without the per-row scope check;
 * - raw: the same branches, and the year's held meetings grouped by branch, kind and month straight from
 *   `meeting` (what one would write without a rollup).
 */
function bestSql(cityId: string, year: number) {
  const flags = `exists (select 1 from org g where g.parent_id = o.id and g.status = 'active' and g.kind = 'group') as has_groups,
            (select count(*) from org_committee oc join committee_member cm on cm.committee_id = oc.id
              where oc.org_id = o.id and oc.superseded_at is null) >= ${ORG_RULES.committeeMinSize} as has_committee`;
  const tally = MEETING_KINDS.map((k) => `y.${k}_held, y.${k}_made_up`).join(', ');
  return {
    rollup: [
      {
        sql: `select o.id, o.name, o.founded_on, o.created_at, ${flags}, ${tally}
              from org o join org_closure c on c.descendant_id = o.id
              left join meeting_year y on y.branch_id = o.id and y.year = ?
              where c.ancestor_id = ? and o.kind in (${BRANCH_KINDS}) and o.status = 'active'
              order by o.name_pinyin, o.id`,
        parameters: [year, cityId],
      },
    ],
    raw: [
      {
        sql: `select o.id, o.name, o.founded_on, o.created_at, ${flags}
              from org o join org_closure c on c.descendant_id = o.id
              where c.ancestor_id = ? and o.kind in (${BRANCH_KINDS}) and o.status = 'active'
              order by o.name_pinyin, o.id`,
        parameters: [cityId],
      },
      {
        sql: `select m.branch_id, m.kind, substr(m.held_on, 6, 2) as month, m.makes_up_period, count(*) as n from meeting m
              join org_closure c on c.descendant_id = m.branch_id
              where c.ancestor_id = ? and m.status = 'held' and m.held_on >= ? and m.held_on <= ?
              group by m.branch_id, m.kind, month, m.makes_up_period`,
        parameters: [cityId, `${year}-01-01`, `${year + 1}-12-31`],
      },
    ],
  };
}

/** Scenario "city committee: 三会一课 compliance grid for the whole city". */
export async function meetingsScenario(data: BenchData, args: BenchArgs) {
  const meta = await ensureMeetings(data, args.meetings * args.orgs);
  const year = meta.years[0]!;
  const url = `/api/meetings/compliance?orgId=${meta.cityId}&year=${year}&kind=committee_meeting&pageSize=50`;
  console.log(`\n三会一课落实 / compliance grid: whole city, ${year}, ${meta.meetings.toLocaleString()} meetings; ${url}`);
  const server = await startServer(data.dataDir);
  let http: Measurement;
  let captured: Awaited<ReturnType<typeof captureQueries>>;
  try {
    const cookie = await signIn(server.port, meta.username, data.password);
    captured = await captureQueries(data.dataDir, cookie, { grid: [url] });
    process.stdout.write('HTTP compliance grid (1 conn, back to back) ... ');
    http = await measureSequential(server.port, cookie, url, args.duration, args.warmup);
    console.log(`${http.p50Ms.toFixed(0)} ms p50`);
  } finally {
    await server.stop();
  }
  const best = bestSql(meta.cityId, year);
  const direct: Record<string, DirectResult> = {
    rollup: measureDirect(data.dataDir, best.rollup, args.duration),
    raw: measureDirect(data.dataDir, best.raw, args.duration),
    replay: measureDirect(data.dataDir, captured.grid!, args.duration),
  };
  const bestKey = direct.rollup!.measurement.msPerOp <= direct.raw!.measurement.msPerOp ? 'rollup' : 'raw';
  const rows: Row[] = [
    { key: 'http.meetings.grid', label: 'HTTP compliance grid, whole city (1 conn)', perAction: 1, m: http },
    {
      key: 'best.meetings.rollup',
      label: 'direct SQL: branches joined to their rollup row',
      perAction: 1,
      m: direct.rollup!.measurement,
    },
    {
      key: 'best.meetings.raw',
      label: 'direct SQL: branches + meetings grouped by month',
      perAction: 1,
      m: direct.raw!.measurement,
    },
    { key: 'replay.meetings.grid', label: "route's own SQL replayed", perAction: 1, m: direct.replay!.measurement },
  ];
  printTable(rows);
  const ratios: Ratio[] = [
    {
      key: 'meetings.gridVsBest',
      label: `compliance grid: route ms/op ÷ best direct SQL (${bestKey}) ms/op`,
      value: http.msPerOp / direct[bestKey]!.measurement.msPerOp,
      target: 2,
    },
  ];
  printRatios(ratios);
  for (const key of Object.keys(direct)) printSlowest(`meetings ${key}`, direct[key]!);
  return { rows, ratios };
}

if (isMain(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  const data = await ensureData(args);
  await meetingsScenario(data, args);
}
