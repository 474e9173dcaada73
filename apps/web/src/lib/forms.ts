import type { FormInstance } from 'antd';
import { isApiError } from './api';

/**
 * Puts the server's field messages under the matching form fields ("members.0.name" → ['members', 0, 'name']).
 * Returns the message to show when no field took it (or null when every message found its field).
 */
export function applyServerErrors(form: FormInstance, error: unknown, known: readonly string[] = []): string | null {
  if (!isApiError(error)) return '操作失败，请稍后重试';
  const names = new Set(known.length ? known : Object.keys(form.getFieldsValue(true) as object));
  const placed = error.fields.filter((f) => names.has(f.path.split('.')[0] ?? ''));
  if (placed.length) {
    form.setFields(
      placed.map((f) => ({
        name: f.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
        errors: [f.message],
      })),
    );
  }
  return placed.length === error.fields.length && placed.length > 0 ? null : error.message;
}
