import type { LedgerCheckSeverity } from '@tongxin/contracts/labels';

/** Every Chinese string of the ledger health check page (kind and severity names come from the contracts). */
export const ledgerCheckMessages = {
  title: '台账体检',
  wholeScope: '全部（我管理的范围）',
  recheck: '重新体检',
  scopeLine: (scope: string, members: string, orgs: string, today: string) =>
    `${scope} · 已检查 ${members} 名党员、${orgs} 个基层党组织 · 体检日期 ${today}`,
  cleanTitle: '台账很干净',
  cleanText: '本次体检未发现问题。录入、导入或修改党员档案后，可点击「重新体检」再查一次。',
  cleanEmpty: '没有党员档案可检查。请先在「党员名册」中录入或导入党员，再来体检。',
  foundTitle: (n: string) => `发现 ${n} 个问题`,
  foundText: '点击下方类别只看该类问题；每条问题后的「去更正」直达需要修改的档案或组织。',
  allKinds: '全部问题',
  kindFilter: '问题类别',
  severity: '程度',
  kind: '问题',
  subject: '对象',
  message: '说明与处理',
  action: '操作',
  fixMember: '去更正',
  fixOrg: '查看组织',
  capped: (shown: string, total: string) =>
    `该类问题共 ${total} 个，列表显示其中 ${shown} 个（严重的优先），更正后重新体检可看到其余的。`,
  cappedKinds: (limit: string, kinds: string) =>
    `问题较多的类别每类只列出 ${limit} 个（严重的优先）：${kinds}。更正后重新体检可看到其余的。`,
  total: (n: string) => `共 ${n} 条`,
  count: (n: string) => `${n} 个`,
  memberTag: '党员',
  orgTag: '组织',
  loadFailed: '体检失败',
} as const;

export const SEVERITY_COLORS: Record<LedgerCheckSeverity, string> = {
  severe: 'red',
  warning: 'orange',
  notice: 'blue',
};
