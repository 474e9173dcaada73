/** Every audit event type the server writes (AUD-01), with its Chinese name. docs/operations.md lists them too (AUD-09). */
export const AUDIT_EVENT_LABELS = {
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
  'member.create': '新建党员档案',
  'member.update': '修改党员档案',
  'member.archive': '党员档案归档',
  'member.reveal': '查看完整个人信息',
  'member.import': '导入党员名册',
  'member.export': '导出党员名册',
  'access.denied': '越权访问被拒绝',
  'audit.read': '查询审计日志',
  'audit.verify': '校验审计日志',
  'system.backup': '备份',
  'system.restore': '恢复',
  'system.seed': '载入演示数据',
} as const;

export type AuditEventType = keyof typeof AUDIT_EVENT_LABELS;
export const AUDIT_EVENT_TYPES = Object.keys(AUDIT_EVENT_LABELS) as AuditEventType[];

export const AUDIT_RESULT_LABELS = { success: '成功', denied: '拒绝', failed: '失败' } as const;
