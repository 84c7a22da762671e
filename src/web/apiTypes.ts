// Response types of the API, read from the generated OpenAPI types (openapi.gen.ts, `npm run
// api-types`), so a page's idea of a response cannot drift from what the server's schema says.
import type { paths } from './openapi.gen.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
type Success<Op> = Op extends { responses: infer R }
  ? R extends { 200: infer Ok }
    ? JsonOf<Ok>
    : R extends { 201: infer Created }
      ? JsonOf<Created>
      : never
  : never;

/** The JSON body of a path's successful (200, else 201) response. */
export type ResponseOf<P extends keyof paths, M extends Method = 'get'> = Success<NonNullable<paths[P][M]>>;

/** One item of a list response: an array's element, or a page's `items` element. */
export type ItemOf<P extends keyof paths, M extends Method = 'get'> =
  ResponseOf<P, M> extends readonly (infer Item)[] ? Item : ResponseOf<P, M> extends { items: readonly (infer Item)[] } ? Item : never;
