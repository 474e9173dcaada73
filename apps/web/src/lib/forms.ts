import type { FormInstance } from 'antd';
import { isApiError } from './api';

/**
 * Which server field messages a form takes: a list of its top-level field names (an API path "members.0.name"
 * goes to ['members', 0, 'name']), or a map from an API path to the form's field name where they differ.
 */
export type FieldNames = readonly string[] | Readonly<Record<string, string>>;

const toName = (path: string) => path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * Puts the server's field messages under the matching form fields.
 * Returns the message to show when no field took it (or null when every message found its field).
 */
export function applyServerErrors(form: FormInstance, error: unknown, known: FieldNames = []): string | null {
  if (!isApiError(error)) return '操作失败，请稍后重试';
  const placed: { name: (string | number)[]; errors: string[] }[] = [];
  if (Array.isArray(known)) {
    const list = known as readonly string[];
    const names = new Set(list.length ? list : Object.keys(form.getFieldsValue(true) as object));
    for (const f of error.fields)
      if (names.has(f.path.split('.')[0] ?? '')) placed.push({ name: toName(f.path), errors: [f.message] });
  } else {
    const map = known as Readonly<Record<string, string>>;
    for (const f of error.fields) if (map[f.path]) placed.push({ name: toName(map[f.path]!), errors: [f.message] });
  }
  if (placed.length) form.setFields(placed);
  return placed.length === error.fields.length && placed.length > 0 ? null : error.message;
}
