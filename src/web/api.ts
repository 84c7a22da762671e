// The web UI's only way to the server: same-origin fetch of /api/v1 with the session cookie,
// problem+json errors turned into ApiError, and Excel downloads of lists.
import type { Paged } from './types.js';

/** One problem with one field, as the API reports it (path like "/username"). */
export interface FieldError {
  path: string;
  code: string;
  message: string;
}

/** A failed request: the API's problem details, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

const base = '/api/v1';

/** Paths where 401 is an answer to show (wrong password), not an expired session. */
const noRedirectOn401 = ['/auth/login'];

let unauthenticatedHandler: (() => void) | null = null;

/** Registers what to do when any request answers 401 (the app goes to the login page). */
export function onUnauthenticated(handler: (() => void) | null): void {
  unauthenticatedHandler = handler;
}

/** `?a=1&b=x` from the defined, non-empty values of a query. */
export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Options of a write. */
export interface WriteOptions {
  /** Makes a retried create safe: the server answers a repeat with the first response (DESIGN idea 5). */
  idempotencyKey?: string | undefined;
}

async function send(method: string, path: string, query?: Query, body?: unknown, options: WriteOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let res: Response;
  try {
    res = await fetch(`${base}${path}${queryString(query)}`, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (res.ok) return res;
  const problem = await readProblem(res);
  if (res.status === 401 && !noRedirectOn401.includes(path)) unauthenticatedHandler?.();
  throw problem;
}

async function readProblem(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { code?: string; detail?: string; title?: string; errors?: FieldError[] };
    return new ApiError(res.status, body.code ?? 'HTTP_ERROR', body.detail ?? body.title ?? `请求失败（HTTP ${res.status}）`, body.errors ?? []);
  } catch {
    return new ApiError(res.status, 'HTTP_ERROR', `请求失败（HTTP ${res.status}）`);
  }
}

async function json<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** GET a JSON resource. */
export async function get<T>(path: string, query?: Query): Promise<T> {
  return json<T>(await send('GET', path, query));
}

/** POST a JSON body; 204 resolves to undefined. */
export async function post<T>(path: string, body: unknown = {}, options?: WriteOptions): Promise<T> {
  return json<T>(await send('POST', path, undefined, body, options));
}

/**
 * A fresh Idempotency-Key (32 hex digits). getRandomValues, unlike randomUUID, also works on
 * plain-http intranet addresses.
 */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** PATCH a JSON body. */
export async function patch<T>(path: string, body: unknown): Promise<T> {
  return json<T>(await send('PATCH', path, undefined, body));
}

/** Every item of a list, page by page (pageSize 100, the API's maximum). */
export async function getAllPages<T>(path: string, query: Query = {}): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const res = await get<Paged<T>>(path, { ...query, page, pageSize: 100 });
    items.push(...res.items);
    if (res.items.length === 0 || items.length >= res.total) return items;
  }
}

/** Downloads a list as Excel (`?format=xlsx`, same filters) under the server's file name. */
export async function downloadXlsx(path: string, query: Query, fallbackName: string): Promise<void> {
  const res = await send('GET', path, { ...query, page: undefined, pageSize: undefined, format: 'xlsx' });
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(res.headers.get('content-disposition')) ?? `${fallbackName}.xlsx`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name of a Content-Disposition header (RFC 5987 `filename*=UTF-8''...` or plain). */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (encoded?.[1]) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? null;
}
