// The public board's URL state and display formats (JOB-7).
import { describe, expect, it } from 'vitest';
import { dateWithWeekday, districtName, normaliseCode, placeText, wageText, weekdayOf } from './boardFormat.js';
import { apiQueryOf, paramsOfSearch, searchOfParams } from './jobSearch.js';

describe('JOB-7 search state in the URL', () => {
  it('JOB-7 a shared link gives the same search, and the API gets fen and a region prefix', () => {
    const search = searchOfParams(new URLSearchParams('q=焊工&district=140105&occupation=6-18-02-04&wage=5000&days=7&page=2'));
    expect(search).toEqual({ q: '焊工', district: '140105', occupation: '6-18-02-04', wage: 5000, days: 7, page: 2 });
    expect(paramsOfSearch(search).toString()).toBe(
      new URLSearchParams('q=焊工&district=140105&occupation=6-18-02-04&wage=5000&days=7&page=2').toString(),
    );
    expect(apiQueryOf(search)).toMatchObject({
      q: '焊工',
      regionCode: '140105',
      occupation: '6-18-02-04',
      wageMin: 500000,
      postedWithinDays: 7,
      page: 2,
    });
  });

  it('JOB-7 values that make no sense are dropped rather than sent', () => {
    expect(searchOfParams(new URLSearchParams('q=%20%20&district=14&occupation=焊工&wage=-5&days=5&page=0'))).toEqual({ page: 1 });
    expect(paramsOfSearch({ page: 1 }).toString()).toBe('');
  });
});

describe('JOB-7 how the board writes wages and places', () => {
  it.each([
    [450000, 650000, '4,500–6,500 元/月'],
    [550000, 550000, '5,500 元/月'],
    [0, 0, '面议'],
    [250050, 300000, '2,500.5–3,000 元/月'],
  ])('wageText(%i, %i) = %s', (min, max, text) => {
    expect(wageText(min, max)).toBe(text);
  });

  it('places name the district before the community', () => {
    expect(districtName('140105001001')).toBe('小店区');
    expect(placeText({ regionCode: '140105001001', regionName: '师范街社区居委会', address: null })).toBe('小店区 · 师范街社区居委会');
    expect(placeText({ regionCode: '310101001001', regionName: null })).toBe('310101001001');
  });

  it('fair dates carry the weekday', () => {
    expect(dateWithWeekday('2026-12-06')).toBe('2026-12-06（星期日）');
    expect(weekdayOf('2026-12-07')).toBe('周一');
  });

  it('JOB-5 a typed letter code loses spaces and dashes and is upper-cased', () => {
    expect(normaliseCode(' abcde-fgh 23 ')).toBe('ABCDEFGH23');
  });
});
