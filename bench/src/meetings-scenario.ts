import { MEETING_BRANCH_KINDS, ORG_RULES } from '@tongxin/contracts';
import { type BenchArgs, parseArgs } from './args.js';
import { captureQueries } from './capture.js';
import { type DirectResult, measureDirect } from './direct.js';
import { type BenchData, ensureData } from './generate.js';
import { measureHttp } from './load.js';
import { ensureMeetings } from './meetings-data.js';
import { isMain } from './paths.js';
import { printRatios, printSlowest, printTable, type Ratio, type Row } from './report.js';
import { signIn, startServer } from './server-process.js';

/** The grid is one heavy request: measured at two connections (the machine has two cores). */
const CONNECTIONS = 2;
const BRANCH_KINDS = MEETING_BRANCH_KINDS.map((k) => `'${k}'`).join(', ');

/**
 * The best direct SQL for the whole city's grid, by hand, two ways; the faster is the bar:
 * - rollup: every branch of the subtree (with whether it has groups and a committee, sorted for paging) and
 *   the year's meeting_year rows;
 * - raw: the same branches and the year's held meetings grouped by branch, kind and month straight from
 *   `meeting` (what one would write without a rollup).
 */
function bestSql(cityId: string, year: number) {
  const branches = {
    sql: `select o.id, o.name, o.founded_on, o.created_at,
            exists (select 1 from org g where g.parent_id = o.id and g.status = 'active' and g.kind = 'group') as has_groups,
            (select count(*) from org_committee oc join committee_member cm on cm.committee_id = oc.id
              where oc.org_id = o.id and oc.superseded_at is null) >= ${ORG_RULES.committeeMinSize} as has_committee
          from org o join org_closure c on c.descendant_id = o.id
          where c.ancestor_id = ? and o.kind in (${BRANCH_KINDS}) and o.status = 'active'
          order by o.name_pinyin, o.id`,
    parameters: [cityId],
  };
  return {
    rollup: [
      branches,
      {
        sql: `select y.branch_id, y.kind, y.held_months, y.made_up_months from meeting_year y
              join org_closure c on c.descendant_id = y.branch_id where c.ancestor_id = ? and y.year = ?`,
        parameters: [cityId, year],
      },
    ],
    raw: [
      branches,
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
  let http: Awaited<ReturnType<typeof measureHttp>>;
  let captured: Awaited<ReturnType<typeof captureQueries>>;
  try {
    const cookie = await signIn(server.port, meta.username, data.password);
    captured = await captureQueries(data.dataDir, cookie, { grid: [url] });
    process.stdout.write(`HTTP compliance grid (${CONNECTIONS} conn) ... `);
    http = await measureHttp(
      { port: server.port, cookie, paths: [url], connections: CONNECTIONS, seconds: args.duration },
      args.warmup,
    );
    console.log(`${http.perSecond.toFixed(2)} req/s`);
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
    { key: 'http.meetings.grid', label: `HTTP compliance grid, whole city (${CONNECTIONS} conn)`, perAction: 1, m: http },
    { key: 'best.meetings.rollup', label: 'direct SQL: branches + rollup rows', perAction: 1, m: direct.rollup!.measurement },
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
