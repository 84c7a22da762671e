// Types of the public-welfare post pages, read from the API's schemas (AID-4).
import type { ItemOf, ResponseOf } from '../../apiTypes.js';

/** One row of the post list. */
export type PostItem = ItemOf<'/api/v1/assistance/posts'>;
/** A post with its free places and placements. */
export type PostDetail = ResponseOf<'/api/v1/assistance/posts/{id}'>;
/** One person's time on a post. */
export type Placement = PostDetail['placements'][number];
/** The month's subsidy list. */
export type SubsidyList = ResponseOf<'/api/v1/assistance/posts/subsidy-list'>;

/** The API's path of the posts. */
export const postsPath = '/assistance/posts';
