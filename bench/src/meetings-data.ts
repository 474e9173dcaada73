import fs from 'node:fs';
import path from 'node:path';
import { MEETING_KINDS, type MeetingKind, monthBit, ORG_RULES } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import { openSqlite } from '../../apps/server/src/platform/db/connect.js';
import { openDeps } from '../../apps/server/src/platform/open-deps.js';
import type { BenchData } from './generate.js';
import { prng } from './names.js';
import { benchConfig } from './paths.js';

export const CITY_USERNAME = 'bench_city_admin';

export interface MeetingsMeta {
  version: number;
  meetings: number;
  years: number[];
  cityId: string;
  username: string;
  seconds: number;
}
const VERSION = 2;
const metaFile = (dir: string) => path.join(dir, 'bench-meetings.json');

/**
 * Adds organisational life to a generated data dir: `total` meeting records spread over the branches, year
 * by year back from this one (monthly committee meetings where there is a committee, theme days and group
 * meetings where there are groups; quarterly general meetings and lectures; a yearly life meeting), about one
 * in ten missed and a third of those made up, with the per-(branch, kind, year) rollup the use cases keep;
 * and a city committee admin to read the whole city's grid. Attendees are not generated (the grid never
 * reads them). Reused when already there with the same total.
 */
/**
 * A data dir migrated by an earlier draft of 0012 (meeting_year keyed by kind) gets its meeting tables dropped
 * and 0012 forgotten, so that opening it migrates them afresh in today's shape.
 */
function dropDraftMeetingTables(dir: string): void {
  const db = openSqlite(path.join(dir, 'tongxin.db'));
  try {
    const columns = db.prepare(`select name from pragma_table_info('meeting_year')`).all() as { name: string }[];
    if (columns.length === 0 || columns.some((c) => c.name === 'general_meeting_held')) return;
    db.exec(`drop table meeting_year; drop table meeting_rule; drop table meeting_resolution; drop table meeting_attendee;
             drop table meeting; delete from kysely_migration where name = '0012_meetings';`);
  } finally {
    db.close();
  }
}

export async function ensureMeetings(data: BenchData, total: number): Promise<MeetingsMeta> {
  try {
    const meta = JSON.parse(fs.readFileSync(metaFile(data.dataDir), 'utf8')) as MeetingsMeta;
    if (meta.version === VERSION && meta.meetings === total) {
      console.log(`复用已生成的会议数据 / reusing ${meta.meetings} meetings (${meta.years.join(', ')})`);
      return meta;
    }
  } catch {
    // not generated yet
  }
  console.log(`生成会议 / generating ${total} meetings ...`);
  const started = performance.now();
  dropDraftMeetingTables(data.dataDir);
  const deps = await openDeps(benchConfig(data.dataDir)); // migrates: adds the attachment and meeting tables
  try {
    const db = deps.database.sqlite!;
    db.exec('delete from meeting_year; delete from meeting;');
    const city = db.prepare(`select id from org where parent_id is null`).get() as { id: string };
    const branches = db
      .prepare(
        `select o.id,
           exists (select 1 from org g where g.parent_id = o.id and g.kind = 'group') as has_groups,
           (select count(*) from org_committee oc join committee_member cm on cm.committee_id = oc.id
             where oc.org_id = o.id and oc.superseded_at is null) >= ${ORG_RULES.committeeMinSize} as has_committee,
           (select id from org g where g.parent_id = o.id and g.kind = 'group' limit 1) as group_id
         from org o where o.kind in ('branch', 'joint_branch', 'general_branch') and o.status = 'active'`,
      )
      .all() as { id: string; has_groups: number; has_committee: number; group_id: string | null }[];
    const rand = prng(4_2026);
    const insert = db.prepare(
      `insert into meeting (id, org_id, branch_id, kind, status, starts_at, held_on, place, host, recorder, lecturer, topics,
         makes_up_period, minutes, cancel_reason, committee_size, committee_present, created_at, created_by, updated_at)
       values (?, ?, ?, ?, 'held', ?, ?, '党员活动室', '支部书记', null, ?, '学习贯彻会议精神', ?, null, null, null, null, ?, null, ?)`,
    );
    const rollup = db.prepare(
      `insert into meeting_year (branch_id, year, ${MEETING_KINDS.map((k) => `${k}_held, ${k}_made_up`).join(', ')})
       values (?, ?, ${MEETING_KINDS.map(() => '?, ?').join(', ')})`,
    );
    const at = deps.clock.now().toISOString();
    const thisYear = Number(at.slice(0, 4));
    const thisMonth = Number(at.slice(5, 7));
    let written = 0;
    const years: number[] = [];
    const pad = (n: number) => String(n).padStart(2, '0');
    for (let year = thisYear; written < total && year > thisYear - 10; year--) {
      years.push(year);
      const lastMonth = year === thisYear ? thisMonth : 12;
      const tally = new Map<string, number[]>();
      const add = (
        orgId: string,
        branchId: string,
        kind: MeetingKind,
        month: number,
        makesUp: string | null,
        targetMonth: number,
      ) => {
        if (written >= total) return;
        const day = `${year}-${pad(month)}-${pad(3 + Math.floor(rand() * 24))}`;
        insert.run(
          uuidv7(),
          orgId,
          branchId,
          kind,
          `${day}T06:30:00.000Z`,
          day,
          kind === 'party_lecture' ? '支部书记' : null,
          makesUp,
          at,
          at,
        );
        written++;
        const t = tally.get(branchId) ?? new Array<number>(MEETING_KINDS.length * 2).fill(0);
        const k = MEETING_KINDS.indexOf(kind) * 2;
        if (makesUp) t[k + 1]! |= monthBit(targetMonth);
        else t[k]! |= monthBit(month);
        tally.set(branchId, t);
      };
      const tx = db.transaction((list: typeof branches) => {
        for (const b of list) {
          const plan = (kind: MeetingKind, months: number[], orgId = b.id, key = (m: number) => `${year}-${pad(m)}`) => {
            const open = months.filter((m) => m <= lastMonth);
            if (open.length === 0) return;
            const month = open[Math.floor(rand() * open.length)]!;
            const r = rand();
            if (r < 0.9) add(orgId, b.id, kind, month, null, month);
            else if (r < 0.93 && months.at(-1)! < lastMonth)
              add(orgId, b.id, kind, months.at(-1)! + 1, key(months[0]!), months[0]!);
          };
          for (let m = 1; m <= lastMonth; m++) {
            if (b.has_committee) plan('committee_meeting', [m]);
            plan('theme_day', [m]);
            if (b.has_groups && b.group_id) plan('group_meeting', [m], b.group_id);
          }
          for (let q = 1; q <= 4; q++) {
            const months = [q * 3 - 2, q * 3 - 1, q * 3];
            plan('general_meeting', months, b.id, () => `${year}-Q${q}`);
            plan('party_lecture', months, b.id, () => `${year}-Q${q}`);
          }
          if (lastMonth === 12) plan('life_meeting', [12], b.id, () => String(year));
        }
        for (const [branchId, bits] of tally) rollup.run(branchId, year, ...bits);
      });
      tx(branches);
      console.log(`  ${year}: ${written} meetings so far`);
    }
    // The city committee admin who reads the whole city's grid.
    const existing = db.prepare('select id from app_user where username = ?').get(CITY_USERNAME) as { id: string } | undefined;
    if (!existing) {
      const userId = uuidv7();
      const hash = (
        db.prepare('select password_hash from app_user where username = ?').get(data.username) as { password_hash: string }
      ).password_hash;
      db.prepare(
        `insert into app_user (id, username, username_lower, display_name, password_hash, must_change_password, must_change_username,
           home_org_id, disabled_at, created_at, password_changed_at, last_login_at, member_id)
         values (?, ?, ?, '基准测试市级管理员', ?, 0, 0, ?, null, ?, ?, null, null)`,
      ).run(userId, CITY_USERNAME, CITY_USERNAME, hash, city.id, at, at);
      db.prepare(
        `insert into role_grant (id, user_id, role, org_id, reach, created_at, created_by) values (?, ?, 'committee_admin', ?, 'subtree', ?, null)`,
      ).run(uuidv7(), userId, city.id, at);
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    const meta: MeetingsMeta = {
      version: VERSION,
      meetings: written,
      years,
      cityId: city.id,
      username: CITY_USERNAME,
      seconds: Math.round((performance.now() - started) / 10) / 100,
    };
    fs.writeFileSync(metaFile(data.dataDir), `${JSON.stringify(meta, null, 2)}\n`);
    console.log(
      `会议生成完成 / ${written} meetings for ${branches.length} branches in ${meta.seconds}s (kinds: ${MEETING_KINDS.length})`,
    );
    return meta;
  } finally {
    await deps.database.close();
  }
}
