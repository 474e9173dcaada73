import {
  SERVICE_CATEGORY_LABELS,
  SERVICE_STATUS_LABELS,
  type ServiceCategory,
  type ServiceStatus,
} from '@tongxin/contracts/labels';
import { useSearchParams } from 'react-router';
import type { ServiceFilter } from './api';

const toInt = (v: string | null, fallback: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};
const isStatus = (v: string | null): v is ServiceStatus => v !== null && v in SERVICE_STATUS_LABELS;
const isCategory = (v: string | null): v is ServiceCategory => v !== null && v in SERVICE_CATEGORY_LABELS;

/** A list's filters and page, kept in the URL (UI.md: pagination remembers its state). */
export function useServiceFilter(defaults: Record<string, string> = {}) {
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const category = params.get('category');
  const filter: ServiceFilter = {
    status: isStatus(status) ? status : undefined,
    category: isCategory(category) ? category : undefined,
    q: params.get('q') || undefined,
    page: toInt(params.get('page'), 1),
    pageSize: Math.min(toInt(params.get('pageSize'), 20), 100),
  };
  const update = (next: Record<string, string | number | undefined>) => {
    const merged: Record<string, string | number | undefined> = { ...Object.fromEntries(params), ...next };
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(merged)) {
      if (v === undefined || v === '' || defaults[k] === String(v)) continue;
      if ((k === 'page' && v === 1) || (k === 'pageSize' && v === 20)) continue;
      out[k] = String(v);
    }
    setParams(out);
  };
  return { params, filter, update };
}

export const statusOptions = Object.entries(SERVICE_STATUS_LABELS).map(([value, label]) => ({ value, label }));
