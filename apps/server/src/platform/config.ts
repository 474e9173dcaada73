import path from 'node:path';
import { isPrivilegedRole, ROLES, type Role } from '@tongxin/contracts';

export interface PasswordPolicyConfig {
  minLength: number;
  maxLength: number;
  minClasses: number;
}

export interface Config {
  port: number;
  /** Listen address; unset means loopback for the demo world (its passwords are published) and all interfaces otherwise. */
  host: string | null;
  dataDir: string;
  databaseUrl: string | null;
  /** Path to the key file (created on first start when absent); TONGXIN_KEYS overrides with inline hex keys. */
  keyFile: string;
  passwordPolicy: PasswordPolicyConfig;
  /** AUTH-03: days a password may be used, per role (0: no expiry); an account takes the shortest of its roles. */
  passwordMaxAgeDays: Record<Role, number>;
  /** AUTH-03: a new password may not be any of this many most recent ones (the current one included). */
  passwordHistory: number;
  lockout: { maxFailures: number; windowMinutes: number; lockMinutes: number };
  session: { idleMinutes: number; adminIdleMinutes: number; absoluteHours: number };
  /**
   * Cookies carry Secure (and the __Host- prefix) when the configured public URL is https (PUBLIC_URL), or when
   * SECURE_COOKIES says so; 'auto' (neither set) is settled by `tongxin start` from the address it listens on
   * (anything but loopback is secure). Never from the Host header, which the client chooses.
   */
  secureCookies: boolean | 'auto';
  /** PUBLIC_URL: the address users reach the platform at, e.g. https://dangjian.example.cn. */
  publicUrl: string | null;
  /** AUTH-12: ADMIN_NETWORKS, addresses and CIDRs the 三员 and admin consoles answer from; unset = anywhere. */
  adminNetworks: string | null;
  trustProxy: boolean | string;
  loginRateLimitPerMinute: number;
  logLevel: string;
  /** DP-07: the most members one export may hold; a larger one is refused (filter it into parts). */
  memberExportMaxRows: number;
  /** AUTH-11: accounts unused this many days are disabled (0 switches it off). */
  inactiveAccountDays: number;
  /** IN-06: a command that reads an upload on stdin (e.g. `clamdscan --no-summary -`); exit 0 clean, 1 infected. Unset = no scan. */
  attachmentScanCommand: string | null;
  /** How long the scan may take before the upload is refused as "cannot check now". */
  attachmentScanTimeoutMs: number;
  /** AUD-07: a JSON-lines copy of the audit log, outside DATA_DIR (another disk or host). Unset = no copy. */
  auditSinkFile: string | null;
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`环境变量 ${name} 必须是非负整数，当前为 "${value}"`);
  return n;
}

/**
 * PASSWORD_MAX_AGE_DAYS (default 90) applies to the admin and 三员 roles; PASSWORD_MAX_AGE_DAYS_BY_ROLE sets
 * any role, e.g. "secretary=180,committee_admin=60". Ordinary roles have no expiry by default: NIST and ASVS
 * advise against periodic changes, GB/T 22239 practice asks it of administrators (documented in operations.md).
 */
function passwordMaxAgeDays(env: NodeJS.ProcessEnv): Record<Role, number> {
  const privileged = int(env.PASSWORD_MAX_AGE_DAYS, 90, 'PASSWORD_MAX_AGE_DAYS');
  const days = Object.fromEntries(ROLES.map((r) => [r, isPrivilegedRole(r) ? privileged : 0])) as Record<Role, number>;
  for (const part of (env.PASSWORD_MAX_AGE_DAYS_BY_ROLE ?? '').split(',').filter((p) => p.trim())) {
    const [role, value] = part.split('=').map((x) => x.trim());
    if (!ROLES.includes(role as Role)) throw new Error(`PASSWORD_MAX_AGE_DAYS_BY_ROLE 中的角色 "${role}" 不存在`);
    days[role as Role] = int(value, 0, `PASSWORD_MAX_AGE_DAYS_BY_ROLE（${role}）`);
  }
  return days;
}

/** A copy kept beside the database would be lost with it: the sink must live elsewhere. */
function auditSink(value: string | undefined, dataDir: string): string | null {
  if (!value?.trim()) return null;
  const file = path.resolve(value.trim());
  if (!path.relative(dataDir, file).startsWith('..')) {
    throw new Error(`AUDIT_SINK_FILE 不能位于数据目录 ${dataDir} 之内：审计日志副本须保存在另一块磁盘或另一台主机上`);
  }
  return file;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  const publicUrl = env.PUBLIC_URL ? parsePublicUrl(env.PUBLIC_URL) : null;
  const policy = {
    minLength: int(env.PASSWORD_MIN_LENGTH, 8, 'PASSWORD_MIN_LENGTH'),
    maxLength: int(env.PASSWORD_MAX_LENGTH, 128, 'PASSWORD_MAX_LENGTH'),
    minClasses: int(env.PASSWORD_MIN_CLASSES, 3, 'PASSWORD_MIN_CLASSES'),
  };
  if (policy.maxLength < 64) throw new Error('PASSWORD_MAX_LENGTH 不能小于64（SECURITY.md AUTH-02）');
  if (policy.minClasses > 4) throw new Error('PASSWORD_MIN_CLASSES 最大为4');
  return {
    port: int(env.PORT, 3000, 'PORT'),
    host: env.HOST || null,
    dataDir,
    databaseUrl: env.DATABASE_URL || null,
    keyFile: env.TONGXIN_KEY_FILE ? path.resolve(env.TONGXIN_KEY_FILE) : path.join(dataDir, 'keys.json'),
    passwordPolicy: policy,
    passwordMaxAgeDays: passwordMaxAgeDays(env),
    passwordHistory: Math.max(1, int(env.PASSWORD_HISTORY, 5, 'PASSWORD_HISTORY')),
    lockout: {
      maxFailures: int(env.LOCKOUT_MAX_FAILURES, 5, 'LOCKOUT_MAX_FAILURES'),
      windowMinutes: int(env.LOCKOUT_WINDOW_MINUTES, 15, 'LOCKOUT_WINDOW_MINUTES'),
      lockMinutes: int(env.LOCKOUT_MINUTES, 15, 'LOCKOUT_MINUTES'),
    },
    session: {
      idleMinutes: int(env.SESSION_IDLE_MINUTES, 30, 'SESSION_IDLE_MINUTES'),
      adminIdleMinutes: int(env.SESSION_ADMIN_IDLE_MINUTES, 15, 'SESSION_ADMIN_IDLE_MINUTES'),
      absoluteHours: int(env.SESSION_ABSOLUTE_HOURS, 12, 'SESSION_ABSOLUTE_HOURS'),
    },
    secureCookies:
      env.SECURE_COOKIES === 'true'
        ? true
        : env.SECURE_COOKIES === 'false'
          ? false
          : publicUrl
            ? publicUrl.protocol === 'https:'
            : 'auto',
    publicUrl: publicUrl ? publicUrl.origin : null,
    adminNetworks: env.ADMIN_NETWORKS?.trim() || null,
    trustProxy: env.TRUST_PROXY ? (env.TRUST_PROXY === 'true' ? true : env.TRUST_PROXY) : false,
    loginRateLimitPerMinute: int(env.LOGIN_RATE_LIMIT, 20, 'LOGIN_RATE_LIMIT'),
    logLevel: env.LOG_LEVEL ?? 'info',
    memberExportMaxRows: int(env.MEMBER_EXPORT_MAX_ROWS, 1_000_000, 'MEMBER_EXPORT_MAX_ROWS'),
    inactiveAccountDays: int(env.INACTIVE_ACCOUNT_DAYS, 90, 'INACTIVE_ACCOUNT_DAYS'),
    attachmentScanCommand: env.ATTACHMENT_SCAN_COMMAND?.trim() || null,
    attachmentScanTimeoutMs: int(env.ATTACHMENT_SCAN_TIMEOUT_SECONDS, 30, 'ATTACHMENT_SCAN_TIMEOUT_SECONDS') * 1000,
    auditSinkFile: auditSink(env.AUDIT_SINK_FILE, dataDir),
  };
}

function parsePublicUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PUBLIC_URL 不是有效的网址：${raw}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('PUBLIC_URL 必须以 https:// 或 http:// 开头');
  return url;
}
