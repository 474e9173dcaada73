/**
 * Online governance (网络空间治理, issue #17): the zod-free rules and labels of pledges, the red media matrix,
 * official releases with relay tasks, and rumour rebuttals. Counts are information for the committee, never a
 * ranking of people (DOMAIN.md "Limits on fingertip formalism").
 */

export const PLEDGE_ISSUER_KINDS = ['committee', 'association'] as const;
export type PledgeIssuerKind = (typeof PLEDGE_ISSUER_KINDS)[number];
export const PLEDGE_ISSUER_KIND_LABELS: Record<PledgeIssuerKind, string> = { committee: '行业党委', association: '行业协会' };

/** An enterprise's standing on a pledge: signed the current version, signed an older one, or not at all. */
export const SIGNATURE_STATES = ['signed', 'outdated', 'unsigned'] as const;
export type SignatureState = (typeof SIGNATURE_STATES)[number];
export const SIGNATURE_STATE_LABELS: Record<SignatureState, string> = {
  signed: '已签署',
  outdated: '待重新签署',
  unsigned: '未签署',
};

export function signatureState(currentVersion: number, signedVersion: number | null): SignatureState {
  if (signedVersion === null) return 'unsigned';
  return signedVersion >= currentVersion ? 'signed' : 'outdated';
}

export const MEDIA_PLATFORMS = ['wechat', 'weibo', 'douyin', 'toutiao', 'bilibili', 'website'] as const;
export type MediaPlatform = (typeof MEDIA_PLATFORMS)[number];
export const MEDIA_PLATFORM_LABELS: Record<MediaPlatform, string> = {
  wechat: '微信公众号',
  weibo: '微博',
  douyin: '抖音',
  toutiao: '今日头条',
  bilibili: '哔哩哔哩',
  website: '网站',
};

export const FOLLOWER_BANDS = ['under_1k', '1k_10k', '10k_100k', '100k_1m', 'over_1m'] as const;
export type FollowerBand = (typeof FOLLOWER_BANDS)[number];
export const FOLLOWER_BAND_LABELS: Record<FollowerBand, string> = {
  under_1k: '1千以下',
  '1k_10k': '1千至1万',
  '10k_100k': '1万至10万',
  '100k_1m': '10万至100万',
  over_1m: '100万以上',
};

export const VERIFICATION_STATUSES = ['verified', 'pending', 'unverified'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];
export const VERIFICATION_STATUS_LABELS: Record<VerificationStatus, string> = {
  verified: '已认证',
  pending: '认证中',
  unverified: '未认证',
};

export const MEDIA_OWNER_KINDS = ['enterprise', 'org'] as const;
export type MediaOwnerKind = (typeof MEDIA_OWNER_KINDS)[number];

export const RELAY_TARGET_KINDS = ['enterprise', 'org', 'account'] as const;
export type RelayTargetKind = (typeof RELAY_TARGET_KINDS)[number];

/** A relay task: open until its report; a report after the deadline is accepted and marked late, never refused. */
export const RELAY_STATES = ['open', 'overdue', 'done', 'late'] as const;
export type RelayState = (typeof RELAY_STATES)[number];
export const RELAY_STATE_LABELS: Record<RelayState, string> = {
  open: '待转发',
  overdue: '已过时限未转发',
  done: '已按时转发',
  late: '逾期转发',
};

export function relayState(t: { reportedAt: string | null; deadlineAt: string }, now: Date): RelayState {
  if (t.reportedAt) return t.reportedAt > t.deadlineAt ? 'late' : 'done';
  return now.toISOString() > t.deadlineAt ? 'overdue' : 'open';
}

/** Reminders (待办) start this many hours before a relay task's deadline, and stay while it is open. */
export const RELAY_REMIND_HOURS = 48;

export const RUMOUR_STATUSES = ['pending', 'answered'] as const;
export type RumourStatus = (typeof RUMOUR_STATUSES)[number];
export const RUMOUR_STATUS_LABELS: Record<RumourStatus, string> = { pending: '待核实', answered: '已答复' };

export const RUMOUR_VERDICTS = ['rumour', 'true', 'unconfirmed'] as const;
export type RumourVerdict = (typeof RUMOUR_VERDICTS)[number];
export const RUMOUR_VERDICT_LABELS: Record<RumourVerdict, string> = {
  rumour: '经核实为谣言',
  true: '信息属实',
  unconfirmed: '暂无定论',
};

/**
 * Links shown to users must be web addresses: http or https only (no javascript:, data:, file: …), with a host,
 * no credentials, at most 500 characters.
 */
export function isSafeLink(value: string): boolean {
  if (value.length > 500 || /\s/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (!url.hostname || url.username || url.password) return false;
  return true;
}
