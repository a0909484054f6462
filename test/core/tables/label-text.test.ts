/** Label text: the particle joining two quoted headers in messages, and area names read with markup. */
import { areaKey, quotedAnd } from '../../../src/core/tables/labels';
import { validateGrid } from '../../../src/core/validate';

test.each([
  ['구 분', "'구 분'과"],
  ['성과', "'성과'와"],
  ['목표', "'목표'와"],
  ['2023', "'2023'과"],
  ['2022', "'2022'와"],
  ['Total', "'Total'와(과)"],
])('%s', (word, joined) => expect(quotedAnd(word)).toBe(joined));

test("a plan without its 공통 일자리 목표 says '구 분'과 '증감'", () => {
  const grid = { sheets: [{ name: '분야별 목표', rows: [[{ value: '전략분야' }, { value: '구분' }, { value: '합계' }, { value: '2023년' }]], merges: [] }] };
  const messages = validateGrid(grid).findings.map((f) => f.message);
  expect(messages.some((m) => m.includes("'구 분'과 '증감' 머리글이 있는 표를 찾지 못했습니다"))).toBe(true);
});


test('an area name with markup is the same area as the overview, which is read without it', () => {
  expect(areaKey('청년<b>일자리</b> 확대')).toBe(areaKey('청년 일자리 확대'));
  expect(areaKey('<span class="x">1. 청년 일자리 확대</span>')).toBe(areaKey('청년 일자리 확대'));
  expect(areaKey('청년 < 일자리 > 확대')).not.toBe(areaKey('청년 일자리 확대')); // angle brackets as text stay text
});
