import { addMonths, type MeetingKind, periodOf } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import { insertAttachment } from '../modules/attachments/attachment.repository.js';
import {
  type Attendee,
  insertAttendees,
  insertMeetings,
  insertResolutions,
  type Meeting,
  type Resolution,
} from '../modules/meetings/meeting.repository.js';
import { tallyAll } from '../modules/meetings/meeting-tally.js';
import { insertMeetingYears } from '../modules/meetings/meeting-year.repository.js';
import type { Trx } from '../platform/db/connect.js';
import { foundMidYear, monthsBack, quartersOf } from './meeting-calendar.js';
import { seedMeetingPhotos } from './meeting-photos.js';
import { prng } from './names.js';

const MONTHS_OF_HISTORY = 14;
const TOPICS: Record<MeetingKind, string[]> = {
  general_meeting: ['学习贯彻党的二十届四中全会精神', '讨论接收预备党员', '听取支部委员会工作报告', '部署下半年党建工作'],
  committee_meeting: ['研究本月党建工作安排', '讨论发展党员工作', '研究党费收缴和使用情况', '研究主题党日活动方案'],
  group_meeting: ['学习《习近平谈治国理政》第五卷选读', '交流岗位建功情况', '学习新修订的《中国共产党纪律处分条例》'],
  party_lecture: ['新时代网络强国建设的理论与实践', '以党建引领企业高质量发展', '传承红色基因 争做网络文明先锋'],
  theme_day: ['走进泸州市博物馆重温入党誓词', '“网聚正能量”志愿服务', '参观况场朱德旧居纪念馆', '清朗网络空间主题宣讲'],
  life_meeting: ['年度组织生活会暨民主评议党员'],
};
const PLACES = ['公司三楼党员活动室', '会议室A', '园区党群服务中心', '线上会议（腾讯会议）'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Minutes as the editor writes them (rich text within the server's allowlist, see minutes-html.ts): meetings
 * that decide things get an agenda list and bold decisions; the others a few paragraphs.
 */
function demoMinutes(kind: MeetingKind, host: string, topic: string): string {
  const h = esc(host);
  const t = esc(topic);
  if (kind === 'general_meeting' || kind === 'committee_meeting' || kind === 'life_meeting') {
    return (
      `<p>${h}主持会议。</p><h4>会议议程</h4><ol><li>${t}</li><li>与会党员结合岗位实际逐一发言</li>` +
      '<li>研究部署下一步工作</li></ol>' +
      `<p><strong>会议决定：</strong>围绕“${t}”形成共识，由支部委员会分工抓好落实，下次会议听取进展。</p>`
    );
  }
  return (
    `<p>${h}主持，围绕“${t}”开展学习讨论。</p>` +
    '<p>与会党员逐一发言，结合岗位实际谈认识、谈打算。</p><p>会议对下一步工作作了安排。</p>'
  );
}

interface Branch {
  id: string;
  key: string;
  groups: string[];
  members: { id: string; name: string; status: 'full' | 'probationary' }[];
  committee: string[];
  diligence: number;
}

export interface DemoMeetingOptions {
  orgIds: Map<string, string>;
  today: string;
  at: string;
  dataDir: string;
}

/**
 * A year (and a bit) of organisational life for every demo branch: most branches meet on time, a few miss
 * some periods (some made up the next period as 补开), meetings later this month are still planned, one branch
 * set up mid-year is measured from its founding, and a few meetings carry photos (real PNG files).
 */
export async function seedDemoMeetings(trx: Trx, o: DemoMeetingOptions): Promise<{ meetings: number; photos: number }> {
  const rand = prng(2018);
  const secretaryId = (
    await trx.selectFrom('app_user').select('id').where('username', '=', 'secretary').executeTakeFirstOrThrow()
  ).id;
  const branches = await loadBranches(trx, o.orgIds, rand);
  const meetings: Meeting[] = [];
  const attendees: (Attendee & { meetingId: string })[] = [];
  const resolutions: (Resolution & { meetingId: string })[] = [];
  const months = monthsBack(o.today, MONTHS_OF_HISTORY);

  const add = (b: Branch, orgId: string, kind: MeetingKind, day: string, makesUp: string | null, people: Branch['members']) => {
    const status = day > o.today ? 'planned' : 'held';
    const id = uuidv7();
    const host = b.committee[0] ?? people[0]?.name ?? '支部书记';
    const topic = pick(rand, TOPICS[kind]);
    meetings.push({
      id,
      orgId,
      branchId: b.id,
      kind,
      status,
      startsAt: new Date(Date.parse(`${day}T${rand() < 0.6 ? '14:30' : '09:30'}:00+08:00`)).toISOString(),
      heldOn: day,
      place: pick(rand, PLACES),
      host,
      recorder: b.committee[1] ?? people[1]?.name ?? null,
      lecturer: kind === 'party_lecture' ? (rand() < 0.6 ? host : '市委党校 周教授') : null,
      topics: topic,
      makesUpPeriod: makesUp,
      minutes: status === 'held' ? demoMinutes(kind, host, topic) : null,
      cancelReason: null,
      committeeSize: kind === 'committee_meeting' && status === 'held' ? b.committee.length : null,
      committeePresent: null,
      createdAt: o.at,
      createdBy: secretaryId,
      updatedAt: o.at,
    });
    const m = meetings[meetings.length - 1]!;
    if (status !== 'held') return m;
    const expected = kind === 'committee_meeting' ? people.filter((p) => b.committee.includes(p.name)) : people;
    for (const p of expected) {
      const r = rand();
      attendees.push({
        meetingId: id,
        memberId: p.id,
        name: p.name,
        memberStatus: p.status,
        attendance: r < 0.86 ? 'present' : r < 0.95 ? 'on_leave' : 'absent',
      });
    }
    if (kind === 'committee_meeting')
      m.committeePresent = attendees.filter((a) => a.meetingId === id && a.attendance === 'present').length;
    if (kind === 'general_meeting' && b.key === 'jy-yunzhi' && rand() < 0.7) {
      const here = attendees.filter((a) => a.meetingId === id);
      const entitled = here.filter((a) => a.memberStatus === 'full').length;
      const present = here.filter((a) => a.memberStatus === 'full' && a.attendance === 'present').length;
      const inFavour = present - (rand() < 0.5 ? 1 : 0);
      resolutions.push({
        id: uuidv7(),
        meetingId: id,
        position: 0,
        text: `同意接收${pick(rand, people).name}同志为中共预备党员`,
        vote: {
          entitled,
          present,
          inFavour,
          against: present - inFavour,
          abstain: 0,
          writtenInFavour: 0,
          valid: present * 2 > entitled,
          passed: present * 2 > entitled && inFavour * 2 > entitled,
          reason: `赞成 ${inFavour} 票，超过应到会有表决权党员 ${entitled} 人的半数，通过`,
        },
      });
    }
    return m;
  };

  for (const b of branches) {
    const founded = b.key.endsWith('-x3') && b.key.startsWith('longmatan') ? foundMidYear(o.today) : null;
    if (founded) await trx.updateTable('org').set({ founded_on: founded }).where('id', '=', b.id).execute();
    const plan = (kind: MeetingKind, periodMonths: string[], orgId = b.id, people = b.members) => {
      const open = periodMonths.filter((m) => !founded || `${m}-28` >= founded);
      if (open.length === 0) return;
      const month = open[Math.floor(rand() * open.length)]!;
      const day = `${month}-${String(5 + Math.floor(rand() * 20)).padStart(2, '0')}`;
      const period = periodOf(
        `${periodMonths[0]}-01`,
        kind === 'life_meeting' ? 'year' : periodMonths.length === 3 ? 'quarter' : 'month',
      );
      if (rand() < b.diligence || day > o.today) {
        add(b, orgId, kind, day, null, people);
        return;
      }
      // Missed: about half are made up (补开) early in the following month, if that has come.
      const next = addMonths(periodMonths[periodMonths.length - 1]!, 1);
      const makeUpDay = `${next}-0${3 + Math.floor(rand() * 6)}`;
      if (rand() < 0.5 && makeUpDay <= o.today) add(b, orgId, kind, makeUpDay, period.key, people);
    };
    for (const month of months) {
      if (b.committee.length >= 3) plan('committee_meeting', [month]);
      plan('theme_day', [month]);
      b.groups.forEach((g, i) => {
        if (i === 0 || rand() < 0.5)
          plan(
            'group_meeting',
            [month],
            g,
            b.members.filter((_, j) => j % b.groups.length === i),
          );
      });
    }
    for (const quarter of quartersOf(months)) {
      plan('general_meeting', quarter);
      plan('party_lecture', quarter);
    }
    for (const year of new Set(months.map((m) => m.slice(0, 4)))) {
      const december = `${year}-12`;
      if (months.includes(december)) plan('life_meeting', [december]);
    }
  }

  const yunzhi = branches.find((b) => b.key === 'jy-yunzhi')?.id;
  const photos = await seedMeetingPhotos(o, meetings, yunzhi, secretaryId, rand);
  // Written as the use cases write them, and the compliance rollup computed by the same tally rule.
  await insertMeetings(trx, meetings);
  await insertAttendees(trx, attendees);
  await insertResolutions(trx, resolutions);
  for (const photo of photos) await insertAttachment(trx, photo);
  await insertMeetingYears(trx, tallyAll(meetings));
  return { meetings: meetings.length, photos: photos.length };
}

async function loadBranches(trx: Trx, orgIds: Map<string, string>, rand: () => number): Promise<Branch[]> {
  const keyOf = new Map([...orgIds].map(([k, id]) => [id, k]));
  const orgs = await trx.selectFrom('org').select(['id', 'kind', 'parent_id']).execute();
  const members = await trx
    .selectFrom('member')
    .select(['id', 'name', 'org_id', 'status'])
    .where('archived_at', 'is', null)
    .orderBy('name_pinyin')
    .execute();
  const committees = await trx
    .selectFrom('org_committee')
    .innerJoin('committee_member', 'committee_member.committee_id', 'org_committee.id')
    .select(['org_committee.org_id', 'committee_member.name'])
    .where('org_committee.superseded_at', 'is', null)
    .orderBy('committee_member.position')
    .execute();
  const branches: Branch[] = [];
  for (const org of orgs) {
    if (org.kind !== 'branch' && org.kind !== 'joint_branch') continue;
    const key = keyOf.get(org.id) ?? org.id;
    const own = members
      .filter((m) => m.org_id === org.id)
      .map((m) => ({ id: m.id, name: m.name, status: m.status as 'full' | 'probationary' }));
    // Committee members are names; the demo's committees are drawn apart from the ledger, so the secretary
    // and committee are taken from the branch's own members for the records to read true.
    const seats = committees.filter((c) => c.org_id === org.id);
    const committee = own
      .filter((m) => m.status === 'full')
      .slice(0, seats.length)
      .map((m) => m.name);
    await renameCommittee(trx, org.id, committee);
    const r = rand();
    branches.push({
      id: org.id,
      key,
      groups: orgs.filter((g) => g.parent_id === org.id && g.kind === 'group').map((g) => g.id),
      members: own,
      committee,
      // Most branches keep to the rules; some slip now and then; a few struggle.
      diligence: key === 'jy-yunzhi' ? 0.96 : r < 0.6 ? 0.95 : r < 0.85 ? 0.8 : 0.55,
    });
  }
  return branches;
}

/** The committee's seats, in order, taken by the branch's own members (the ledger and the committee agree). */
async function renameCommittee(trx: Trx, orgId: string, names: string[]): Promise<void> {
  const seats = await trx
    .selectFrom('committee_member')
    .innerJoin('org_committee', 'org_committee.id', 'committee_member.committee_id')
    .select(['committee_member.id'])
    .where('org_committee.org_id', '=', orgId)
    .where('org_committee.superseded_at', 'is', null)
    .orderBy('committee_member.position')
    .execute();
  for (const [i, seat] of seats.entries()) {
    if (names[i]) await trx.updateTable('committee_member').set({ name: names[i] }).where('id', '=', seat.id).execute();
  }
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
