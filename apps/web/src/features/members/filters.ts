import type { MemberListQuery } from '@tongxin/contracts';
import {
  AGE_BANDS,
  type AgeBand,
  EDUCATIONS,
  type Education,
  MEMBER_STATUSES,
  type MemberStatus,
  MOBILITIES,
  type Mobility,
  normaliseMobile,
  parseIdNumber,
  TALENT_FLAGS,
  type TalentFlag,
} from '@tongxin/contracts/labels';
import { withQuery } from '../../lib/api';

export type MemberSort = NonNullable<MemberListQuery['sort']>;
/** The server's MEMBER_SORTS (kept here so the browser loads no zod); `satisfies` keeps the two in step. */
export const MEMBER_SORT_KEYS = [
  'name',
  'joinedOn',
  '-joinedOn',
  'birthDate',
  '-birthDate',
] as const satisfies readonly MemberSort[];
export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZES = [20, 50, 100];

/** The list's state, all of it in the URL (shareable links; the back button undoes a filter). */
export interface MemberFilter {
  q?: string;
  orgId?: string;
  status?: MemberStatus;
  mobility?: Mobility;
  education?: Education;
  ageBand?: AgeBand;
  joinYear?: number;
  talent?: TalentFlag;
  archived?: 'true';
  sort: MemberSort;
  page: number;
  pageSize: number;
}

export type FilterPart = Omit<MemberFilter, 'sort' | 'page' | 'pageSize'>;

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;
const positive = (v: string | null): number | undefined => {
  const n = Number(v);
  return v && Number.isInteger(n) && n > 0 ? n : undefined;
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An ID number or a mobile: searched for, but kept out of the address bar, history and links (DP-01). */
export function isPersonalNumber(q: string): boolean {
  return parseIdNumber(q).ok || normaliseMobile(q) !== null;
}

/**
 * Reads the filter from the URL, dropping whatever the server would refuse (a hand-edited link still works).
 * A search by ID number or mobile travels in the history entry's state instead of the URL.
 */
export function readFilter(params: URLSearchParams, state?: unknown): MemberFilter {
  const hidden = (state as { q?: unknown } | null)?.q;
  const q = (params.get('q') ?? (typeof hidden === 'string' ? hidden : undefined))?.trim().slice(0, 40);
  const orgId = params.get('orgId') ?? '';
  const year = positive(params.get('joinYear'));
  const pageSize = positive(params.get('pageSize'));
  return {
    q: q || undefined,
    orgId: UUID.test(orgId) ? orgId : undefined,
    status: oneOf(MEMBER_STATUSES, params.get('status')),
    mobility: oneOf(MOBILITIES, params.get('mobility')),
    education: oneOf(EDUCATIONS, params.get('education')),
    ageBand: oneOf(AGE_BANDS, params.get('ageBand')),
    joinYear: year && year >= 1921 && year <= 2100 ? year : undefined,
    talent: oneOf(TALENT_FLAGS, params.get('talent')),
    archived: params.get('archived') === 'true' ? 'true' : undefined,
    sort: oneOf(MEMBER_SORT_KEYS, params.get('sort')) ?? 'name',
    page: positive(params.get('page')) ?? 1,
    pageSize: pageSize && PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** The URL form of a filter: defaults left out so that links stay short. */
export function writeFilter(f: MemberFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') out[k] = String(v);
  if (out.q && isPersonalNumber(out.q)) delete out.q;
  if (out.sort === 'name') delete out.sort;
  if (out.page === '1') delete out.page;
  if (out.pageSize === String(DEFAULT_PAGE_SIZE)) delete out.pageSize;
  return out;
}

/** How many filters (besides the search box) narrow the list, for the phone's 筛选 button. */
export function activeFilters(f: MemberFilter): number {
  const { q: _q, sort: _s, page: _p, pageSize: _ps, ...rest } = f;
  return Object.values(rest).filter((v) => v !== undefined).length;
}

/** The export link: the list's filters (the export takes no paging or sort: it streams every row). */
export function exportHref(f: MemberFilter): string {
  const { page: _p, pageSize: _ps, sort: _s, ...filters } = f;
  return withQuery('/api/members/export', { ...filters });
}
