// Shapes of the board's policy-notice API, read from the generated OpenAPI types.
import type { ItemOf, ResponseOf } from '../../apiTypes.js';

/** A notice in the board's list, with the first lines of its body (`excerpt`). */
export type PublicNotice = ItemOf<'/api/v1/public/notices'>;
/** A notice's page: the whole body and its documents. */
export type PublicNoticeDetail = ResponseOf<'/api/v1/public/notices/{id}'>;
