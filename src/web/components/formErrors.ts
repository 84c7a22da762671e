// Puts the API's per-field errors onto the fields of an antd form.
import type { FormInstance } from 'antd';
import { ApiError } from '../api.js';

/** "/roles/0" → "roles"; the form field an API error path names (first segment). */
export function fieldOfPath(path: string): string {
  return path.replace(/^\//, '').split('/')[0] ?? '';
}

/**
 * Marks the form fields named by the error; returns the messages that fit no field, so the
 * caller can show them with the detail. `rename` maps API fields to form fields.
 */
export function applyFieldErrors(form: FormInstance, err: unknown, rename: Record<string, string> = {}): string[] {
  if (!(err instanceof ApiError)) return [];
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const registered = new Set(form.getFieldsError().map((f) => String(f.name[0])));
  const leftover: string[] = [];
  const byField = new Map<string, string[]>();
  for (const e of err.errors) {
    const api = fieldOfPath(e.path);
    const field = rename[api] ?? api;
    if (field && (registered.has(field) || known.has(field))) byField.set(field, [...(byField.get(field) ?? []), e.message]);
    else leftover.push(e.message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return leftover;
}

/** The text to show for any failure: the API's Chinese detail, or a generic line. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.detail;
  return '操作失败，请稍后重试';
}

/**
 * The text above a form after a failed submit: the API's detail and the messages that fit no
 * field; null when the detail only repeats a message already shown on its field.
 */
export function problemText(err: unknown, leftover: string[]): string | null {
  const detail = errorText(err);
  const onFields = err instanceof ApiError ? err.errors.map((e) => e.message).filter((m) => !leftover.includes(m)) : [];
  const parts = [...(onFields.includes(detail) ? [] : [detail]), ...leftover.filter((m) => !detail.includes(m))];
  return parts.length > 0 ? parts.join('；') : null;
}
