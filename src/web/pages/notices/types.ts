// Shapes of the policy-notice API, staff side, read from the generated OpenAPI types.
import type { ResponseOf } from '../../apiTypes.js';

/** A notice as staff see it; status draft | submitted | published | scheduled | expired | withdrawn. */
export type Notice = ResponseOf<'/api/v1/notices/{id}'>;
/** A document a notice is based on. */
export type NoticeSource = Notice['sources'][number];
