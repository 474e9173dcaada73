import { AUDIT_EVENT_LABELS } from '@tongxin/contracts/labels';

export const auditMessages = {
  title: '审计日志',
  verify: '校验完整性',
  verifyOk: (n: string) => `审计日志完整：已校验 ${n} 条记录，哈希链未发现篡改。`,
  verifyBad: (seq: number | null, reason: string | null, n: string) =>
    `审计日志异常：第 ${seq ?? '?'} 条记录校验失败${reason ? `（${reason}）` : ''}；此前 ${n} 条完好。请立即报告安全管理员。`,
  type: '事件类型',
  typePlaceholder: '全部类型（可输入前缀，如 auth.）',
  actor: '操作人',
  actorPlaceholder: '用户名（精确匹配）',
  result: '结果',
  resultPlaceholder: '全部结果',
  dateRange: '日期',
  query: '查询',
  reset: '重置',
  total: (n: string) => `共 ${n} 条`,
  empty: '没有符合条件的审计记录。请放宽筛选条件（如清空日期或事件类型）后再查询。',
  seq: '序号',
  at: '时间',
  object: '对象',
  ip: 'IP 地址',
  detail: '详细信息',
  requestId: '请求编号',
  system: '系统',
  filters: '筛选',
} as const;

export const AUDIT_RESULT_COLORS = { success: 'green', denied: 'orange', failed: 'red' } as const;

/** Event names come from the contracts (the server's own list); unknown future types show as their code. */
export const AUDIT_TYPE_LABELS: Record<string, string> = AUDIT_EVENT_LABELS;

export const AUDIT_TYPE_GROUPS = [
  { value: 'auth.', label: '登录与会话（auth.）' },
  { value: 'account.', label: '账号（account.）' },
  { value: 'grant.', label: '授权（grant.）' },
  { value: 'org.', label: '组织（org.）' },
  { value: 'access.', label: '访问控制（access.）' },
  { value: 'audit.', label: '审计（audit.）' },
  { value: 'system.', label: '系统（system.）' },
];

export const AUDIT_OBJECT_LABELS: Record<string, string> = {
  user: '账号',
  org: '组织',
  org_committee: '委员会',
  role_grant: '授权',
  session: '会话',
};
