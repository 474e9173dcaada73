import { v7 as uuidv7 } from 'uuid';
import { insertNotice, insertReadReceipt } from '../modules/notices/notice.repository.js';
import type { Trx } from '../platform/db/connect.js';

const DAY = 86_400_000;

interface DemoNotice {
  from: string;
  by: string;
  daysAgo: number;
  title: string;
  body: string;
  targets: { org: string; subtree: boolean }[];
  roles: ('secretary' | 'committee_admin')[] | null;
  /** Demo accounts that have opened it (hours after sending). */
  readBy: string[];
}

/**
 * A few notices from the city and district committees, some read: the secretary has one unread (a to-do),
 * the member one unread, and the city admin sees receipts with people still to read.
 */
const NOTICES: DemoNotice[] = [
  {
    from: 'city',
    by: 'city_admin',
    daysAgo: 24,
    title: '关于做好2026年度民主评议党员工作的通知',
    body: '各区县互联网行业党委，各党支部：\n\n根据《中国共产党党员教育管理工作条例》，现就做好本年度民主评议党员工作通知如下：\n一、评议以党支部为单位，于12月底前完成，按个人自评、党员互评、支部委员会综合评定的程序进行。\n二、评定等次分为优秀、合格、基本合格、不合格，评为优秀的党员一般不超过参加评定党员的三分之一。\n三、预备党员参加评议，但不评定等次。\n四、评议结果请及时录入平台，记入党员档案。\n\n特此通知。',
    targets: [{ org: 'city', subtree: true }],
    roles: null,
    readBy: ['jiangyang_admin', 'longmatan_admin', 'secretary', 'instructor'],
  },
  {
    from: 'city',
    by: 'city_admin',
    daysAgo: 6,
    title: '关于报送第四季度“三会一课”开展情况的通知',
    body: '各党支部书记：\n\n请于本季度末前，在平台上补全本支部第四季度支部党员大会、支委会、党小组会和党课的会议记录（含签到表照片），上级党委将据此开展组织生活落实情况检查。\n\n联系人：市互联网行业党委组织科',
    targets: [{ org: 'city', subtree: true }],
    roles: ['secretary'],
    readBy: [],
  },
  {
    from: 'jiangyang',
    by: 'jiangyang_admin',
    daysAgo: 3,
    title: '江阳区互联网行业党委关于开展“网聚红心”主题党日活动的通知',
    body: '各党支部：\n\n本月主题党日以“网聚红心·清朗网络”为主题，请各支部结合企业实际组织学习、志愿服务或网络文明宣传活动，并在活动结束后一周内上传活动照片和签到表。',
    targets: [{ org: 'jiangyang', subtree: true }],
    roles: null,
    readBy: ['secretary', 'instructor'],
  },
  {
    from: 'longmatan',
    by: 'longmatan_admin',
    daysAgo: 12,
    title: '龙马潭区互联网行业党委关于党费收缴情况的提醒',
    body: '各党支部：\n\n经核对，部分支部仍有党员连续3个月以上未交纳党费。请支部书记逐一联系提醒，核实情况，按规定办理。',
    targets: [{ org: 'longmatan', subtree: true }],
    roles: ['secretary', 'committee_admin'],
    readBy: [],
  },
];

export async function seedDemoNotices(trx: Trx, o: { orgIds: Map<string, string>; now: Date }): Promise<number> {
  const users = new Map(
    (await trx.selectFrom('app_user').select(['id', 'username', 'display_name']).execute()).map((u) => [u.username, u]),
  );
  for (const n of NOTICES) {
    const id = uuidv7();
    const sentAt = o.now.getTime() - n.daysAgo * DAY;
    const sender = users.get(n.by)!;
    await insertNotice(
      trx,
      {
        id,
        senderOrgId: o.orgIds.get(n.from)!,
        title: n.title,
        body: n.body,
        roles: n.roles,
        sentAt: new Date(sentAt).toISOString(),
        sentBy: sender.id,
        sentByName: sender.display_name,
      },
      n.targets.map((t) => ({ orgId: o.orgIds.get(t.org)!, subtree: t.subtree })),
    );
    for (const [i, username] of n.readBy.entries()) {
      await insertReadReceipt(trx, id, users.get(username)!.id, new Date(sentAt + (i + 1) * 3 * 3_600_000).toISOString());
    }
  }
  return NOTICES.length;
}
