import type { FormInstance } from 'antd';
import { isApiError } from '../../lib/api';
import { duesMessages as m } from './messages';

/**
 * Puts the server's field messages under the form fields they belong to (the API speaks in fen, the form in
 * 元, so names differ: `names` maps an API path to a form field). Returns the message no field took, or null.
 */
export function placeServerErrors(form: FormInstance, error: unknown, names: Record<string, string>): string | null {
  if (!isApiError(error)) return m.failed;
  const placed = error.fields.filter((f) => names[f.path]);
  if (placed.length) form.setFields(placed.map((f) => ({ name: names[f.path]!, errors: [f.message] })));
  return placed.length > 0 && placed.length === error.fields.length ? null : error.message;
}
