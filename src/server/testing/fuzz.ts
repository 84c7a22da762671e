// Input generators for the fuzzing suite (issue 10): from the JSON schemas in the OpenAPI document
// the app serves, values of the right shape mixed with hostile ones (control characters, huge
// numbers, wrong types, deep nesting, unknown keys, impossible dates, long strings).
import fc from 'fast-check';
import { patternMessages } from '../platform/http.js';

/** A JSON schema as the OpenAPI document gives it. */
export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  patternProperties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

/** Values of the right shape the generators cannot invent: real ids, region codes, valid ID numbers. */
export interface Dictionary {
  /** A generator per property or parameter name (`regionCode`, `idNumber`, `personId`, ...). */
  byName: Record<string, fc.Arbitrary<unknown>>;
  /** Ids of existing records, for any other uuid. */
  anyId: fc.Arbitrary<string>;
}

const controlCharacters = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u001b', '\u007f', '\u0085', '\u009f'];

/** An array nested `depth` deep around a string. */
export function nested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Values no field should take, of every JSON type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    0,
    -1,
    1.5,
    1e20,
    -1e20,
    2_147_483_648,
    -2_147_483_649,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MAX_VALUE,
    '',
    ' ',
    '   　 ',
    '\u200b\u200b\u200b',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '2026-02-30',
    '2026-13-01',
    '0000-00-00',
    '99999-01-01',
    '1e20',
    'NaN',
    '-0',
    "'; DROP TABLE persons; --",
    '😀'.repeat(30),
    'x'.repeat(20_000),
    '1'.repeat(5_000),
    '00000000-0000-0000-0000-000000000000',
    [],
    {},
    [[['a']]],
    ['a', ['b']],
    { a: { b: { c: 1 } } },
    nested(20),
    nested(40),
  ),
  fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...controlCharacters), fc.string({ maxLength: 8 })).map(([a, c, b]) => a + c + b),
  fc.string({ maxLength: 40, unit: 'binary' }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

const textChars = [...'张王李赵刘陈岗位焊工测试社区太原市小店区 abcXYZ019-_.,，。（）()'];

/** Ordinary text of a length the schema allows. */
function text(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 30, 60));
  return fc.string({ unit: fc.constantFrom(...textChars), minLength, maxLength });
}

/** Strings matching a schema's pattern where fast-check can read it, else ordinary text that passes it. */
function patterned(schema: JsonSchema): fc.Arbitrary<string> {
  const pattern = schema.pattern!;
  const re = new RegExp(pattern, 'u');
  if (patternMessages.has(pattern)) return text(schema).filter((s) => re.test(s));
  try {
    return fc.stringMatching(new RegExp(pattern)).filter((s) => s.length <= (schema.maxLength ?? 10_000));
  } catch {
    return text(schema);
  }
}

const today = new Date('2026-11-30T00:00:00Z');
const isoDate = fc
  .integer({ min: -4000, max: 1000 })
  .map((days) => new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10));

/** A value valid for `schema` (as far as the schema says), preferring the dictionary for named fields. */
export function validValue(schema: JsonSchema, name: string, dict: Dictionary, depth = 0): fc.Arbitrary<unknown> {
  const named = dict.byName[name];
  if (named) return named;
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map((b) => validValue(b, name, dict, depth)));
  if (schema.allOf) return validValue(Object.assign({}, ...schema.allOf) as JsonSchema, name, dict, depth);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = Math.max(schema.minimum ?? -1_000_000, -1_000_000);
      const max = Math.min(schema.maximum ?? 1_000_000, 1_000_000);
      return type === 'integer'
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(Math.max(min, max)) })
        : fc.double({ min, max, noNaN: true });
    }
    case 'string':
      if (schema.format === 'uuid') return dict.anyId;
      if (schema.format === 'date') return isoDate;
      if (schema.format === 'date-time') return isoDate.map((d) => `${d}T08:00:00+08:00`);
      if (schema.pattern) return patterned(schema);
      return text(schema);
    case 'array': {
      const item = schema.items ?? {};
      const minLength = schema.minItems ?? 0;
      return fc.array(validValue(item, name, dict, depth + 1), {
        minLength,
        maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)),
      });
    }
    case 'object':
    default: {
      if (depth > 4) return fc.constant({});
      if (schema.patternProperties) {
        const [, value] = Object.entries(schema.patternProperties)[0]!;
        return fc.dictionary(dict.anyId, validValue(value, name, dict, depth + 1), { maxKeys: 3 });
      }
      const props = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, validValue(s, k, dict, depth + 1)]));
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
    }
  }
}

/**
 * A value for `schema`: sometimes wholly valid, mostly valid with hostile fields or unknown keys
 * (each object property is hostile now and then), sometimes hostile as a whole.
 */
export function fuzzedValue(schema: JsonSchema, name: string, dict: Dictionary, depth = 0): fc.Arbitrary<unknown> {
  const valid = validValue(schema, name, dict, depth);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object' && schema.properties && depth < 4) {
    const props = schema.properties;
    const model = Object.fromEntries(
      Object.entries(props).map(([k, s]) => [
        k,
        fc.oneof({ weight: 5, arbitrary: validValue(s, k, dict, depth + 1) }, { weight: 1, arbitrary: fuzzedValue(s, k, dict, depth + 1) }),
      ]),
    );
    const mutated = fc
      .tuple(
        fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in props) }),
        fc.option(fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 2 }), { freq: 4 }),
      )
      .map(([known, unknown]) => ({ ...unknown, ...known }));
    return fc.oneof({ weight: 2, arbitrary: valid }, { weight: 6, arbitrary: mutated }, { weight: 2, arbitrary: hostileValue });
  }
  if (type === 'array' && schema.items && depth < 4) {
    const items = fc.array(fuzzedValue(schema.items, name, dict, depth + 1), { maxLength: 4 });
    return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: items }, { weight: 1, arbitrary: hostileValue });
  }
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: hostileValue });
}

/** Whole bodies no parser should choke on: broken JSON, other JSON types, nesting past any limit. */
export const hostileRawBody = fc.constantFrom(
  '{',
  '{"a":',
  'null',
  '"text"',
  '1e999',
  '[]',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '['.repeat(5_000) + ']'.repeat(5_000),
  '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000),
  `{"name":"${'x'.repeat(2 * 1024 * 1024)}"}`,
);

/** How a value is written into a query string or a path segment. */
export function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/** Whole query strings no list should answer with a 5xx. */
export const hostileRawQuery = fc.constantFrom(
  'page=1e20',
  'page=1e20&pageSize=1e20',
  'pageSize=1000000',
  'page=-1',
  'page=0&pageSize=0',
  'page=9007199254740993',
  'page=99999999',
  'page=abc',
  'page=1&page=2',
  'page[]=1',
  '%00=1',
  'q=%00',
  'q=%E0%A4%A',
  'q=%ZZ',
  'format=xlsx&page=1e20',
  'offset=1e20&limit=1e20',
  '&&&=&=',
);

/** One operation of the OpenAPI document, as the fuzzer fills it in. */
export interface Operation {
  method: string;
  path: string;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; schema: JsonSchema; required: boolean }[];
  body: JsonSchema | null;
}

/** The OpenAPI document the app serves, as far as the fuzzer reads it. */
export interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
        requestBody?: { content?: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
}

/** Every operation of the document, by path and method: the order the fuzzer's seeds follow. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const parameters = op.parameters ?? [];
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema, required: !!p.required })),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return operations.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** `METHOD /path`: how the fuzzer names an operation. */
export const operationKey = (op: Operation) => `${op.method} ${op.path}`;

/** A GET that pages: a list, which gets more generated query strings than a GET of one record. */
export const isList = (op: Operation) => op.method === 'GET' && op.queryParams.some((p) => p.name === 'page');

/** Generated inputs an operation gets at scale 1 (OPENPES_FUZZ_SCALE): 1,000 per write, 200 per list, 50 per other GET. */
export function inputsAtScaleOne(op: Operation): number {
  if (op.method !== 'GET') return 1_000;
  return isList(op) ? 200 : 50;
}

/**
 * The operations dealt into `parts` groups of about equal expected cost (inputs at scale 1), so
 * that test files fuzzing one group each take about as long as each other. The same operations
 * give the same groups in any order: the costliest first (by key among equals), each to the
 * group with the least so far (the first of those). Each group keeps the order of `operations`.
 */
export function partitionOperations(operations: Operation[], parts: number): Operation[][] {
  const byCost = [...operations].sort(
    (a, b) => inputsAtScaleOne(b) - inputsAtScaleOne(a) || operationKey(a).localeCompare(operationKey(b)),
  );
  const groups = Array.from({ length: parts }, () => ({ cost: 0, keys: new Set<string>() }));
  for (const op of byCost) {
    const lightest = groups.reduce((best, group) => (group.cost < best.cost ? group : best));
    lightest.cost += inputsAtScaleOne(op);
    lightest.keys.add(operationKey(op));
  }
  return groups.map((group) => operations.filter((op) => group.keys.has(operationKey(op))));
}
