import type { EventKind, ParticipantCategory, StudyKind } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Trx } from '../platform/db/connect.js';

/**
 * Demo events (issue #15): the city committee's four quarterly four-party salons of the year (those already
 * held with their participants checked in, by category), a year of district study occasions — training days,
 * half-day lectures by the party school, organised study — and the demo member's and secretary's attendance,
 * so their study hours look like a real year (information only).
 */
const SALON_TOPICS = [
  '数字经济企业合规经营座谈',
  '互联网企业人才引育与党建共建',
  '网络数据安全与平台责任',
  '新就业群体关爱服务与行业自律',
];

const GUESTS: Record<ParticipantCategory, { names: string[]; units: string[] }> = {
  enterprise_head: {
    names: ['王立新', '陈海燕', '刘建华', '杨志勇', '黄晓玲', '周国栋', '吴秀英', '徐文斌'],
    units: ['泸州云智科技有限公司', '酒城数字传媒有限公司', '泸州蓝海网络科技有限公司', '川南电商服务有限公司'],
  },
  authority: {
    names: ['孙明', '胡丽娟', '朱建军', '高云'],
    units: ['市委网信办', '市经济和信息化局', '市市场监管局', '区人社局'],
  },
  association: {
    names: ['林志远', '何晓梅', '罗斌'],
    units: ['泸州市互联网协会', '泸州市电子商务协会', '市网络社会组织联合会'],
  },
  practitioner: {
    names: ['郭磊', '马婷', '梁宇', '宋佳', '郑浩', '谢雨欣', '韩冰', '唐欣然', '冯涛', '董静'],
    units: ['泸州云智科技有限公司', '酒城数字传媒有限公司', '川南电商服务有限公司', '外卖配送站点'],
  },
};

interface Occasion {
  orgKey: string;
  kind: EventKind;
  title: string;
  place: string;
  start: Date;
  hours: number;
  studyKind: StudyKind;
}

const at = (year: number, month: number, day: number, hourBeijing: number) =>
  new Date(Date.UTC(year, month - 1, day, hourBeijing - 8, 0, 0));

export async function seedDemoEvents(
  trx: Trx,
  p: { orgIds: Map<string, string>; userIds: Map<string, string>; now: Date; rand: () => number },
): Promise<{ events: number; registrations: number }> {
  const year = Number(new Date(p.now.getTime() + 8 * 3600_000).toISOString().slice(0, 4));
  const occasions: Occasion[] = SALON_TOPICS.map((topic, q) => ({
    orgKey: 'city',
    kind: 'salon' as const,
    title: `第${['一', '二', '三', '四'][q]}季度“同心”四方沙龙：${topic}`,
    place: '泸州市党群服务中心三楼报告厅',
    start: at(year, q * 3 + 2, 20, 14),
    hours: 2,
    studyKind: 'organised_study' as const,
  }));
  for (let month = 1; month <= 12; month += 1) {
    for (const district of ['jiangyang', 'longmatan'])
      occasions.push({
        orgKey: district,
        kind: 'theme_activity',
        title: month % 3 === 0 ? `${month}月主题党日：党史学习站参观学习` : `${month}月党员集中学习`,
        place: month % 3 === 0 ? '江阳区党群服务中心党史学习站' : '区互联网行业党委会议室',
        start: at(year, month, 12, 9),
        hours: 3,
        studyKind: 'organised_study',
      });
    if (month % 4 === 1) {
      occasions.push({
        orgKey: 'jiangyang',
        kind: 'forum',
        title: `市委党校专题讲座（${month}月）：学习贯彻全会精神`,
        place: '江阳区委党校报告厅',
        start: at(year, month, 25, 9),
        hours: 3,
        studyKind: 'half_day_lecture',
      });
    }
  }
  occasions.push({
    orgKey: 'city',
    kind: 'visit',
    title: '互联网企业党务工作者全天培训',
    place: '泸州市委党校',
    start: at(year, 7, 8, 9),
    hours: 8,
    studyKind: 'training_day',
  });

  let registrations = 0;
  const nowIso = p.now.toISOString();
  const accounts = ['member', 'secretary'].flatMap((u) => (p.userIds.has(u) ? [u] : []));
  for (const o of occasions) {
    const orgId = p.orgIds.get(o.orgKey);
    if (!orgId) continue;
    const id = uuidv7();
    const startsAt = o.start.toISOString();
    const endsAt = new Date(o.start.getTime() + o.hours * 3600_000).toISOString();
    const held = endsAt <= nowIso;
    const guests: Person[] = o.kind === 'salon' ? guestList(p.rand) : [];
    // The demo accounts sit in 江阳区: they take part in the city's and 江阳区's occasions.
    const theirs = o.orgKey === 'city' || o.orgKey === 'jiangyang';
    const people: Person[] = [
      ...guests,
      ...accounts
        .filter(() => theirs && (held || o.kind === 'salon'))
        // The member misses about one occasion in four: hours short of the target are shown, never ranked.
        .filter((u) => !(held && u === 'member' && p.rand() < 0.25))
        .map((u) => ({
          name: u === 'member' ? '刘晓燕' : '张志强',
          unit: '泸州云智科技有限公司',
          category: 'practitioner' as const,
          userId: p.userIds.get(u)!,
        })),
    ];
    const capacity = o.kind === 'salon' ? 60 : null;
    await trx
      .insertInto('event')
      .values({
        id,
        org_id: orgId,
        kind: o.kind,
        title: o.title,
        starts_at: startsAt,
        ends_at: endsAt,
        place: o.place,
        description:
          o.kind === 'salon'
            ? '企业负责人、职能部门、行业协会和从业人员四方围绕主题座谈交流，现场收集企业诉求。'
            : '按计划组织党员集中学习。',
        capacity,
        seats_taken: people.length,
        queue_last: 0,
        study_kind: o.studyKind,
        summary: held && o.kind === 'salon' ? '四方代表交流发言，收集企业诉求3项，已转服务联抓办理。' : null,
        follow_ups:
          held && o.kind === 'salon' ? JSON.stringify([{ text: '协调办理企业用工招聘需求', serviceRequestId: null }]) : '[]',
        created_at: new Date(o.start.getTime() - 20 * 86_400_000).toISOString(),
        created_by: null,
        updated_at: new Date(o.start.getTime() - 20 * 86_400_000).toISOString(),
      })
      .execute();
    await trx
      .insertInto('event_invite')
      .values({ event_id: id, org_id: p.orgIds.get(o.orgKey === 'city' ? 'city' : o.orgKey)! })
      .execute();
    for (const person of people) {
      const checkedIn = held && p.rand() < 0.9;
      await trx
        .insertInto('event_registration')
        .values({
          id: uuidv7(),
          event_id: id,
          user_id: person.userId,
          name: person.name,
          unit: person.unit,
          category: person.category,
          status: 'registered',
          queue_position: null,
          registered_at: new Date(o.start.getTime() - 7 * 86_400_000).toISOString(),
          checked_in_at:
            checkedIn || (person.userId !== null && held) ? new Date(o.start.getTime() - 10 * 60_000).toISOString() : null,
          checked_in_by: null,
          checkin_method: checkedIn || (person.userId !== null && held) ? 'tick' : null,
          checkin_nonce: null,
        })
        .execute();
      registrations += 1;
    }
  }
  return { events: occasions.length, registrations };
}

interface Person {
  name: string;
  unit: string;
  category: ParticipantCategory;
  userId: string | null;
}

/** A salon's guests: a few from each of the four parties. */
function guestList(rand: () => number): Person[] {
  const out: Person[] = [];
  const counts: Record<ParticipantCategory, number> = { enterprise_head: 6, authority: 3, association: 2, practitioner: 8 };
  for (const category of Object.keys(counts) as ParticipantCategory[]) {
    const { names, units } = GUESTS[category];
    const n = counts[category] - Math.floor(rand() * 2);
    for (let i = 0; i < n; i += 1) {
      out.push({ name: names[i % names.length]!, unit: units[Math.floor(rand() * units.length)]!, category, userId: null });
    }
  }
  return out;
}
