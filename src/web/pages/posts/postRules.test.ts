import { describe, expect, it } from 'vitest';
import { placementBlock, servesArea } from './postRules.js';

describe('AID-4 post page rules', () => {
  const post = { free: 1, places: 2, startDate: '2026-09-01', endDate: '2026-12-31' };

  it('AID-4 placement is open on a running post with a free place, and says why not otherwise', () => {
    expect(placementBlock(post, '2026-09-01')).toBeNull();
    expect(placementBlock(post, '2026-12-31')).toBeNull();
    expect(placementBlock({ ...post, free: 0 }, '2026-10-01')).toBe('2 个名额已满，请先办理在岗人员退出或选择其他岗位');
    expect(placementBlock(post, '2026-08-31')).toBe('岗位自 2026-09-01 起设立，届时方可安置');
    expect(placementBlock(post, '2027-01-01')).toBe('岗位已于 2026-12-31 到期，不能再安置');
  });

  it('AID-4 a post serves its own area and the areas below it', () => {
    expect(servesArea('140105001001', '140105001001')).toBe(true);
    expect(servesArea('140105001000', '140105001001')).toBe(true);
    expect(servesArea('140105001002', '140105001001')).toBe(false);
    expect(servesArea('140105002000', '140105001001')).toBe(false);
  });
});
