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

export const AUDIT_RESULT_LABELS = { success: '成功', denied: '拒绝', failed: '失败' } as const;
export const AUDIT_RESULT_COLORS = { success: 'green', denied: 'orange', failed: 'red' } as const;

/** The server's audit event types (apps/server/src/platform/audit/events.ts) in words. */
export const AUDIT_TYPE_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.timeout': '会话超时',
  'auth.lock': '账号锁定',
  'auth.unlock': '解除锁定',
  'auth.password_change': '修改密码',
  'auth.password_reset': '重置密码',
  'auth.session_revoke': '结束会话',
  'account.create': '新建账号',
  'account.disable': '停用账号',
  'account.enable': '启用账号',
  'grant.create': '授予角色',
  'grant.revoke': '撤销角色',
  'org.create': '设立组织',
  'org.rename': '组织更名',
  'org.move': '调整隶属关系',
  'org.merge': '合并组织',
  'org.dissolve': '撤销组织',
  'org.committee_set': '设置委员会',
  'access.denied': '越权访问被拒绝',
  'audit.read': '查询审计日志',
  'audit.verify': '校验审计日志',
  'system.backup': '备份',
  'system.restore': '恢复',
  'system.seed': '载入演示数据',
};

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
