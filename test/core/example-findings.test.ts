/**
 * The built-in example (인천 서구 2023–2026, transcribed exactly as the document states it) must give
 * exactly the document's real inconsistencies plus the warnings and information issue 2 asks for — nothing
 * else. Each line was checked by hand against seed 000 (chapter III 분야별 목표 and the 연차별 추진계획 tables):
 *
 * - 청년 일자리 확대 budget: 4,197 / 1,127 / 1,049 / 996 / 1,025 stated; ① 192 + ② 4,001 = 4,193,
 *   152 + 973 = 1,125, 40 + 1,007 = 1,047, 0 + 997 = 997, 0 + 1,024 = 1,024. Two parts: band ±1.5, so
 *   differences of 4 and 2 are errors, differences of 1 possible rounding.
 * - 맞춤형 일자리 지원 및 발굴: target 43,465 stated vs ③ 10,800 + ④ 306 + ⑤ 700 + ⑥ 25,522 + ⑦ 4,837 = 42,165
 *   (each year 310–340 over); budget 181,493 vs 88 + 1,101 + 863 + 101,060 + 66,813 = 169,925.
 * - 사회적경제 …: budget 14,601 vs ⑧ 3,264 + ⑨ 5,735 + ⑩ 5,600 = 14,599 (band ±2), 2023 3,491 vs 3,490,
 *   2025 3,702 vs 3,701: possible rounding.
 * - 산업단지 및 중소기업 …: budget years 1,536/1,573/1,610/1,648 vs ⑪ + ⑫ = 1,535/1,572/1,611/1,649.
 * - Areas 3 and 4 add 개소 (⑧ ⑨ ⑫) to 명 (⑩ ⑪) in a table in 명: mixed units.
 * - The private-sector area's budget is left out of the 합계 (footnote "민간사업비 제외"): ⑬ 22,683억원
 *   = 2,268,300백만원, information only.
 * - ⑪ 공업지역 환경정비 사업: 120백만원 with 성과목표 "-": budget without target, information.
 * Everything else adds up: every row's 합계, every task 총계, the 분야별 목표 합계 (budget without the private
 * area), and the six indicators (+2%p, +10% met; change column 2 / 10 agrees).
 */
import { incheonSeogu2023 } from '../../src/core/examples/incheon-seogu-2023';
import { renderWorkbook, renderedToGrid } from '../../src/core/template/render';
import { validateGrid } from '../../src/core/validate';

const A = '분야별 목표';

test('the example gives exactly the seed document’s findings', () => {
  const result = validateGrid(renderedToGrid(renderWorkbook(incheonSeogu2023, { formulas: false })));
  // Which findings, whatever their order (the order is test/present/outputs.test.ts's business).
  const sorted = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
  const got = result.findings.map((f) => [f.rule, f.severity, f.sheet, f.cell, f.expected, f.actual, f.tolerance]);
  expect(sorted(got)).toEqual(sorted([
    // 청년 일자리 확대 소요예산: 합계, 2023–2026
    ['area-total', 'error', A, 'C7', 4193, 4197, 1.5],
    ['area-total', 'error', A, 'D7', 1125, 1127, 1.5],
    ['area-total', 'error', A, 'E7', 1047, 1049, 1.5],
    ['area-total', 'warning', A, 'F7', 997, 996, 1.5],
    ['area-total', 'warning', A, 'G7', 1024, 1025, 1.5],
    // 맞춤형 일자리 지원 및 발굴 성과목표
    ['area-total', 'error', A, 'C8', 42165, 43465, 3],
    ['area-total', 'error', A, 'D8', 10132, 10442, 3],
    ['area-total', 'error', A, 'E8', 10479, 10799, 3],
    ['area-total', 'error', A, 'F8', 10678, 11008, 3],
    ['area-total', 'error', A, 'G8', 10876, 11216, 3],
    // 맞춤형 일자리 지원 및 발굴 소요예산
    ['area-total', 'error', A, 'C9', 169925, 181493, 3],
    ['area-total', 'error', A, 'D9', 41019, 43783, 3],
    ['area-total', 'error', A, 'E9', 41819, 44668, 3],
    ['area-total', 'error', A, 'F9', 42963, 45897, 3],
    ['area-total', 'error', A, 'G9', 44124, 47145, 3],
    // 사회적경제 활성화 및 일자리 질 개선을 통한 일자리 창출 소요예산
    ['area-total', 'warning', A, 'C11', 14599, 14601, 2],
    ['area-total', 'warning', A, 'D11', 3490, 3491, 2],
    ['area-total', 'warning', A, 'F11', 3701, 3702, 2],
    // 산업단지 및 중소기업 지원을 통한 일자리 창출 소요예산
    ['area-total', 'warning', A, 'D13', 1535, 1536, 1.5],
    ['area-total', 'warning', A, 'E13', 1572, 1573, 1.5],
    ['area-total', 'warning', A, 'F13', 1611, 1610, 1.5],
    ['area-total', 'warning', A, 'G13', 1649, 1648, 1.5],
    // 명 and 개소 summed into one area figure
    ['mixed-units', 'warning', A, 'C10', '명', '개소, 명', null],
    ['mixed-units', 'warning', A, 'C12', '명', '명, 개소', null],
    // the private-sector area, left out of the budget total
    ['budget-excluded', 'info', A, 'A14', 2268300, null, null],
    // ⑪ 공업지역 환경정비 사업
    ['budget-without-target', 'info', '실천과제', 'C141', null, 0, null],
  ]));
  expect(result.summary).toEqual({ error: 13, warning: 11, info: 2 });
  expect(result.problems).toEqual([]);
});
