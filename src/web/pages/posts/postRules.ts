// The small rules the post pages apply before asking the server (AID-4); the server decides.
import type { PostDetail } from './postTypes.js';

/** Why a clerk cannot place anyone on the post today, or null. */
export function placementBlock(post: Pick<PostDetail, 'free' | 'places' | 'startDate' | 'endDate'>, today: string): string | null {
  if (post.free <= 0) return `${post.places} 个名额已满，请先办理在岗人员退出或选择其他岗位`;
  if (today < post.startDate) return `岗位自 ${post.startDate} 起设立，届时方可安置`;
  if (today > post.endDate) return `岗位已于 ${post.endDate} 到期，不能再安置`;
  return null;
}

/** True when a post serves an area: its own area and every area below it (a street's post, its communities). */
export function servesArea(postRegion: string, areaCode: string): boolean {
  return areaCode.startsWith(postRegion.replace(/0+$/, ''));
}
