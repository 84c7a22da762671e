// What the request log may hold (SYS-3): never an ID number, phone or password. Request bodies are
// not logged at all; URLs keep their path and the names of query parameters, with the values of
// personal ones blanked; database errors lose the parameters of the failed query and the values
// PostgreSQL quotes back in its details.

/** Query parameters whose values may name or identify a person. */
const personalQueryKeys = /^(q|name|idnumber|phone|mobile|contact\w*|person\w*|keyword|search)$/i;

/** A request URL with the values of personal query parameters replaced by `***`. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const params = new URLSearchParams(url.slice(at + 1));
  for (const key of new Set(params.keys())) if (personalQueryKeys.test(key)) params.set(key, '***');
  return `${url.slice(0, at)}?${params.toString().replaceAll('%2A', '*')}`;
}

/** Runs of 6 or more digits (ID numbers, phones, bank accounts), an ID's X included. */
const longNumbers = /\d{6,}[\dXx]?/g;

/** Text of a database error without the failed query's parameters or quoted values. */
export function redactText(text: string): string {
  return text
    .replace(/\nparams: [^\n]*/g, '\nparams: [redacted]')
    .replace(/=\(([^)]*)\)/g, '=([redacted])')
    .replace(longNumbers, '[number]');
}

interface LoggableError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
  code?: string | undefined;
  cause?: LoggableError | undefined;
}

/** An error as it goes to the log: type, code, redacted message and stack, and its cause likewise. */
export function redactError(err: unknown, depth = 0): LoggableError {
  if (!(err instanceof Error)) return { type: typeof err, message: redactText(String(err)), stack: '' };
  const code = (err as { code?: unknown }).code;
  return {
    type: err.name,
    message: redactText(err.message),
    stack: redactText(err.stack ?? ''),
    code: typeof code === 'string' ? code : undefined,
    cause: err.cause !== undefined && depth < 3 ? redactError(err.cause, depth + 1) : undefined,
  };
}

/** Pino serializers for Fastify's logger. */
export const logSerializers = {
  req: (req: { method: string; url: string; ip?: string; hostname?: string }) => ({
    method: req.method,
    url: redactUrl(req.url),
    remoteAddress: req.ip,
  }),
  err: redactError,
};
