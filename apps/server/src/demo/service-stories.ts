import type { ServiceCategory } from '@tongxin/contracts';

/** One demo request's story: raised `daysAgo`, then steps (hours after raising) up to the state it is in now. */
export interface Story {
  category: ServiceCategory;
  title: string;
  description: string;
  daysAgo: number;
  steps: Step[];
  /** Raised for the demo enterprise contact's enterprise (what 赵国华 sees on signing in). */
  own?: boolean;
  /** Raised by the demo secretary for the enterprise its branch covers (what 张志强 sees). */
  bySecretary?: boolean;
}
type Step =
  | { kind: 'assign'; h: number; to: Handler; note?: string; by?: Handler }
  | { kind: 'answer'; h: number; body: string }
  | { kind: 'message'; h: number; side: 'requester' | 'handler'; body: string }
  | { kind: 'reopen'; h: number; reason: string }
  | { kind: 'close'; h: number; rating: number; comment?: string }
  | { kind: 'withdraw'; h: number; reason: string };
type Handler = 'district' | 'city';

export const STORIES: Story[] = [
  {
    own: true,
    category: 'financing',
    title: '申请科技型中小企业贷款贴息',
    description: '公司今年研发投入约300万元，流动资金紧张，想了解区里科技型中小企业贷款贴息政策，并请协助对接合作银行。',
    daysAgo: 12,
    steps: [
      { kind: 'assign', h: 3, to: 'district', note: '请经济服务组对接' },
      { kind: 'message', h: 30, side: 'handler', body: '已联系区金融办，请准备近两年财务报表和研发费用明细。' },
      { kind: 'message', h: 52, side: 'requester', body: '材料已准备好，附件是研发费用明细。' },
      {
        kind: 'answer',
        h: 120,
        body: '已为贵公司对接两家合作银行，贴息申报窗口为每季度末，区金融办联系人：刘科长。申报指南见政务网。',
      },
    ],
  },
  {
    own: true,
    category: 'org_life',
    title: '主题党日活动如何与业务结合',
    description: '支部党员多为技术骨干，工作节奏快，想请党委指导主题党日怎么开得不走过场、和研发工作结合起来。',
    daysAgo: 4,
    steps: [{ kind: 'assign', h: 2, to: 'district' }],
  },
  {
    own: true,
    category: 'talent',
    title: '引进高级工程师的人才公寓申请',
    description: '新引进两名高级工程师，想申请市里的人才公寓，不清楚申请条件和流程。',
    daysAgo: 40,
    steps: [
      { kind: 'assign', h: 5, to: 'district' },
      { kind: 'answer', h: 70, body: '人才公寓由市人才办受理，条件和表格已发送至企业邮箱。' },
      { kind: 'reopen', h: 96, reason: '表格中"用人单位意见"需要哪一级盖章没有说明，请再确认。' },
      { kind: 'answer', h: 130, body: '已与人才办确认：用人单位盖公司公章即可，无需主管部门意见。' },
      { kind: 'close', h: 150, rating: 5, comment: '两次答复都很及时，问题已解决，谢谢！' },
    ],
  },
  {
    bySecretary: true,
    category: 'member_development',
    title: '发展对象政治审查函调如何办理',
    description: '支部有一名发展对象户籍在外省，政治审查需要向其户籍地函调，想请党委指导函调的程序和时限。',
    daysAgo: 3,
    steps: [
      { kind: 'assign', h: 4, to: 'district' },
      { kind: 'message', h: 20, side: 'handler', body: '请先把发展对象的基本情况和户籍地址发来，我们协助联系当地组织部门。' },
    ],
  },
  {
    category: 'premises',
    title: '园区办公用房续租及租金减免',
    description: '公司在园区的办公用房年底到期，希望续租并了解对初创企业的租金减免政策。',
    daysAgo: 30,
    steps: [{ kind: 'assign', h: 20, to: 'district' }],
  },
  {
    category: 'org_setup',
    title: '公司有3名正式党员，想成立党支部',
    description: '公司现有正式党员3名、预备党员1名，想了解单独成立党支部的条件和程序，需要准备哪些材料。',
    daysAgo: 2,
    steps: [],
  },
  {
    category: 'policy',
    title: '咨询研发费用加计扣除政策',
    description: '想了解今年研发费用加计扣除的比例、申报时间，以及软件企业有没有额外优惠。',
    daysAgo: 9,
    steps: [],
  },
  {
    category: 'member_development',
    title: '流动党员组织关系如何转入',
    description: '新入职员工是外省流动党员，想把组织关系转到公司所在的联合党支部，请指导办理流程。',
    daysAgo: 16,
    steps: [
      { kind: 'assign', h: 4, to: 'district' },
      { kind: 'assign', h: 26, to: 'city', by: 'district', note: '跨省转接，请市委组织组协助' },
      {
        kind: 'answer',
        h: 60,
        body: '跨省转接需由原党组织在全国党员管理信息系统发起，我方接收后1个月内回执，具体步骤已电话告知。',
      },
      { kind: 'close', h: 80, rating: 4, comment: '流程清楚了，希望以后能更快一些。' },
    ],
  },
  {
    category: 'market',
    title: '参加数字经济博览会展位申请',
    description: '公司希望参加今年的西部数字经济博览会，想了解行业党委是否有集中组展和展位补贴。',
    daysAgo: 21,
    steps: [
      { kind: 'assign', h: 6, to: 'district' },
      { kind: 'answer', h: 48, body: '行业党委联合商务局集中组展，补贴50%展位费，报名截止下月10日，报名表见附件通知。' },
      { kind: 'close', h: 72, rating: 5 },
    ],
  },
  {
    category: 'approval',
    title: '增值电信业务经营许可证办理',
    description: '公司拓展在线数据处理业务，需要办理增值电信业务经营许可证，想请党委帮忙了解办理渠道。',
    daysAgo: 6,
    steps: [
      { kind: 'assign', h: 8, to: 'district' },
      { kind: 'answer', h: 40, body: '该许可由省通信管理局审批，可在政务服务网在线申请；我们已联系园区服务中心提供材料预审。' },
    ],
  },
  {
    category: 'party_venue',
    title: '党员活动室建设指导',
    description: '公司准备腾出一间会议室作为党员活动室，想请党委指导布置标准和经费来源。',
    daysAgo: 25,
    steps: [
      { kind: 'assign', h: 10, to: 'district' },
      { kind: 'answer', h: 100, body: '党员活动室按"七有"标准布置，区行业党委可补助建设经费，申请表已发送。' },
      { kind: 'close', h: 140, rating: 3, comment: '补助额度比预期少，但流程说明清楚。' },
    ],
  },
  {
    category: 'rights',
    title: '软件著作权被侵权如何维权',
    description: '发现有公司仿冒我们的小程序，想了解维权途径，行业内有没有法律服务资源。',
    daysAgo: 8,
    steps: [{ kind: 'withdraw', h: 30, reason: '已与对方协商解决，撤回诉求。' }],
  },
];
