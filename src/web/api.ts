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
    /** Other members of the problem body (e.g. `personId` of a duplicate, `rejectedRowsXlsx`). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

const base = '/api/v1';

/**
 * Where 401 is an answer to show, not an expired staff session: a wrong password, and the public
 * site (/public/...), whose accounts have their own cookie and never sign a staff member out.
 */
const answersWith401 = (path: string) => path === '/auth/login' || path === '/auth/login/two-factor' || path.startsWith('/public/');

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
  if (res.status === 401 && !answersWith401(path)) unauthenticatedHandler?.();
  throw problem;
}

async function readProblem(res: Response): Promise<ApiError> {
  try {
    return problemOf(res.status, await res.json());
  } catch {
    return problemOf(res.status, null);
  }
}

/** An ApiError from a status and a parsed problem+json body (anything else gives a generic one). */
export function problemOf(status: number, parsed: unknown): ApiError {
  if (!parsed || typeof parsed !== 'object') return new ApiError(status, 'HTTP_ERROR', `请求失败（HTTP ${status}）`);
  const { code, detail, title, errors, ...extra } = parsed as {
    code?: string;
    detail?: string;
    title?: string;
    errors?: FieldError[];
  } & Record<string, unknown>;
  return new ApiError(status, code ?? 'HTTP_ERROR', detail ?? title ?? `请求失败（HTTP ${status}）`, errors ?? [], extra);
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

/** DELETE a resource; 204 resolves to undefined. */
export async function del<T>(path: string): Promise<T> {
  return json<T>(await send('DELETE', path));
}

/** PUT a JSON body (a whole record at a known address, e.g. a survey return). */
export async function put<T>(path: string, body: unknown): Promise<T> {
  return json<T>(await send('PUT', path, undefined, body));
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
  await downloadFile(path, { ...query, page: undefined, pageSize: undefined, format: 'xlsx' }, `${fallbackName}.xlsx`);
}

/** Downloads any GET resource (an import template, say) under the server's file name. */
export async function downloadFile(path: string, query: Query, fallbackName: string): Promise<void> {
  const res = await send('GET', path, query);
  saveBlob(await res.blob(), fileNameOf(res.headers.get('content-disposition')) ?? fallbackName);
}

/** Offers a blob to the user as a file download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A base64 string (as the API embeds files in JSON) as a blob. */
export function base64Blob(base64: string, type: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type });
}

/**
 * POSTs a file as the raw body. XMLHttpRequest rather than fetch, because only it reports upload
 * progress (`onProgress` gets 0–100), which a clerk needs to see for a large ledger.
 */
export function uploadFile<T>(
  path: string,
  file: Blob,
  options: { contentType: string; onProgress?: (percent: number) => void },
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${base}${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', options.contentType);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试'));
    xhr.onload = () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        parsed = null; // not JSON: reported below as a generic failure
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(parsed as T);
      if (xhr.status === 401) unauthenticatedHandler?.();
      reject(problemOf(xhr.status, parsed));
    };
    xhr.send(file);
  });
}

/** The file name of a Content-Disposition header (RFC 5987 `filename*=UTF-8''...` or plain). */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (encoded?.[1]) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? null;
}
