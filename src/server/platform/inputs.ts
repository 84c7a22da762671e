// What every request's input must be before a route sees it (issue 10, "no 500 on any input"):
// JSON bodies of bounded size and depth, no control characters in any string, and request schemas
// closed and bounded, so nothing a client sends can reach the database as an error.
import Ajv, { type AnySchemaObject, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AppError, type FieldError } from './errors.js';

/** Largest JSON body (file uploads have their own limits on their routes). */
export const jsonBodyLimit = 1024 * 1024;
/** Deepest nesting of arrays and objects in a JSON body; the deepest real body nests four levels. */
export const maxJsonDepth = 32;
/** Bounds a request schema gets where it names none (see closeRequestSchema). */
export const defaultBounds = {
  maxLength: 10_000,
  maxItems: 1_000,
  /** PostgreSQL's integer, the type of every integer column a request fills. */
  integer: { minimum: -2_147_483_648, maximum: 2_147_483_647 },
  number: { minimum: -1e15, maximum: 1e15 },
} as const;

/**
 * Control characters no field may hold: C0 except tab, line feed and carriage return, DEL and C1.
 * NUL cannot be stored in PostgreSQL text at all; the others are never typed by a person.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Nesting depth of a JSON text, counted in one pass without parsing (brackets inside strings do
 * not count), so a 5,000-deep body is refused before anything recursive sees it.
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > deepest) deepest = depth;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return deepest;
}

/** Replaces Fastify's JSON parser with one that refuses bodies over the size and depth limits. */
export function parseJsonBodies(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: jsonBodyLimit }, (req, body, done) => {
    const text = body as string;
    if (jsonDepth(text) > maxJsonDepth) {
      const message = `JSON 嵌套不能超过 ${maxJsonDepth} 层`;
      return done(new AppError('VALIDATION_FAILED', message, [{ path: '/', code: 'MAX_DEPTH', message }]), undefined);
    }
    return parse(req, text, done);
  });
}

/** The path and problem of the first string (or object key) in `value` that holds a control character. */
function controlCharacterIn(value: unknown, path: string): FieldError | null {
  if (typeof value === 'string') {
    return controlCharacter.test(value)
      ? { path: path || '/', code: 'CONTROL_CHARACTER', message: '不能包含控制字符（如 NUL）或其他不可见的特殊字符' }
      : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = controlCharacterIn(value[i], `${path}/${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      const at = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (controlCharacter.test(key)) return { path: at, code: 'CONTROL_CHARACTER', message: '字段名不能包含控制字符' };
      const found = controlCharacterIn(item, at);
      if (found) return found;
    }
  }
  return null;
}

/**
 * preValidation hook: a control character anywhere in the body, query or path parameters is a
 * 400 naming the field, whatever the route's schema says (login and free JSON fields included).
 */
export async function refuseControlCharacters(req: FastifyRequest) {
  const errors = [controlCharacterIn(req.params, ''), controlCharacterIn(req.query, ''), controlCharacterIn(req.body, '')].filter(
    (e): e is FieldError => e !== null,
  );
  if (errors.length > 0)
    throw new AppError('VALIDATION_FAILED', `请求有误：${errors.map((e) => `${e.path} ${e.message}`).join('；')}`, errors);
}

type Schema = Record<string, unknown>;

/**
 * A copy of a request schema closed and bounded where it says nothing: objects take no unknown
 * keys (they are dropped, see bodyAjvOptions), strings, arrays and numbers get the default bounds.
 * Shared schema objects are never changed, so a response that reuses one keeps its own.
 */
export function closeRequestSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeRequestSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema as Schema)) {
    // Keywords whose value is a schema or a list or map of schemas; the rest is copied as is.
    if (['items', 'not', 'additionalProperties', 'contains'].includes(key) && typeof value === 'object')
      out[key] = closeRequestSchema(value);
    else if (['anyOf', 'oneOf', 'allOf', 'prefixItems'].includes(key)) out[key] = closeRequestSchema(value);
    else if (['properties', 'patternProperties', '$defs', 'definitions'].includes(key) && value && typeof value === 'object')
      out[key] = Object.fromEntries(Object.entries(value as Schema).map(([k, v]) => [k, closeRequestSchema(v)]));
    else out[key] = value;
  }
  const types = ([] as unknown[]).concat(out.type ?? []);
  if (types.includes('object') && out.additionalProperties === undefined && out.patternProperties === undefined)
    out.additionalProperties = false;
  if (types.includes('string') && out.maxLength === undefined && out.enum === undefined && out.const === undefined)
    out.maxLength = defaultBounds.maxLength;
  if (types.includes('array') && out.maxItems === undefined) out.maxItems = defaultBounds.maxItems;
  const numberBounds = types.includes('integer') ? defaultBounds.integer : types.includes('number') ? defaultBounds.number : null;
  if (numberBounds) {
    if (out.minimum === undefined && out.exclusiveMinimum === undefined) out.minimum = numberBounds.minimum;
    if (out.maximum === undefined && out.exclusiveMaximum === undefined) out.maximum = numberBounds.maximum;
  }
  return out;
}

/**
 * onRoute hook: closes the body, query and params schemas of every route (so the OpenAPI document
 * shows the bounds the server applies). A PATCH body must name at least one field.
 */
export function closeRouteSchemas(route: RouteOptions) {
  const schema = route.schema as Schema | undefined;
  if (!schema) return;
  for (const part of ['body', 'querystring', 'params'] as const) {
    if (schema[part]) schema[part] = closeRequestSchema(schema[part]);
  }
  const body = schema.body as Schema | undefined;
  if (route.method === 'PATCH' && body?.type === 'object' && body.minProperties === undefined) body.minProperties = 1;
}

const common: Options = { useDefaults: true, allErrors: true, removeAdditional: true };
/**
 * Bodies are JSON and carry their own types: scalars may still be coerced ("3" for 3), but an
 * array is never taken for a string (ajv's 'array' coercion would unwrap `["x"]` to `"x"`).
 */
const bodyAjv = addFormats(new Ajv({ ...common, coerceTypes: true }));
/** Query strings and path parameters are text: coerced to their types, a single value to an array. */
const textAjv = addFormats(new Ajv({ ...common, coerceTypes: 'array' }));

/**
 * Fastify validator compiler: one ajv for bodies, another for query strings, parameters and
 * headers. ajv checks `minProperties` before it drops unknown keys, so a PATCH of unknown keys
 * only would reach the route as `{}`; the count is checked again after the drop.
 */
export function compileRequestSchema({ schema, httpPart }: { schema: AnySchemaObject; httpPart?: string }) {
  const validate = (httpPart === 'body' ? bodyAjv : textAjv).compile(schema);
  const least = schema.minProperties;
  if (typeof least !== 'number') return validate;
  const checked = (data: unknown) => {
    checked.errors = validate(data) ? null : validate.errors;
    if (!checked.errors && data && typeof data === 'object' && Object.keys(data).length < least)
      checked.errors = [{ instancePath: '', schemaPath: '#/minProperties', keyword: 'minProperties', params: { limit: least } }];
    return !checked.errors;
  };
  checked.errors = null as typeof validate.errors;
  return checked;
}
