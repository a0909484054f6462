/**
 * The 세종 2024 results example (seed 004, 「1 주요 성과」) checked like any workbook: its own
 * inconsistencies between totals and their breakdowns, and nothing else as an error.
 *
 * Checked by hand against the document:
 *   총 1,216명 vs 세종청년희망내일센터 228 + 세종신중년센터 60 + 세종일자리지원센터 753 + 세종지역혁신프로젝트 180
 *     = 1,221 → 5 apart; four whole-unit parts: tolerance (4 + 1)/2 = 2.5 → error.
 *   세종일자리지원센터 753명 vs 구직등록자 본인취업 389 + 알선취업 343 = 732 → 21 apart; tolerance 1.5 → error.
 *   수혜인원 1,800명 = 200 + 180 + 12 + 797 + 288 + 135 + 100 + 88 = 1,800 — adds up only with 소상공인 컨설팅
 *     12개社 counted in: a warning for the mixed units, no sum finding.
 *   The breakdowns that add up: 228 = 192 + 36; 60 = 10 + 50; 180 = 99 + 81; 89개社 = 50 + 39;
 *     채용실적 192 = 165 + 27.
 *   The seed states no 목표, 달성률 or plan link, and has no 종합계획 tables: one info says so.
 * Rows: the header is row 8 of 성과, item i sits in row 9 + i; column E is 실적, C the unit.
 */
import { EXAMPLES, EXAMPLE_NAMES, exampleDraft } from '../../../src/core/examples';
import { sejong2024 } from '../../../src/core/examples/sejong-2024';
import { renderWorkbook, renderedToGrid } from '../../../src/core/template/render';
import { validateGrid } from '../../../src/core/validate';

const check = () => validateGrid(renderedToGrid(renderWorkbook(structuredClone(sejong2024), { formulas: false })));
const pick = (f: { rule: string; severity: string; sheet: string; cell: string; expected: unknown; actual: unknown; tolerance: unknown; cells: string[] }) => ({
  rule: f.rule,
  severity: f.severity,
  sheet: f.sheet,
  cell: f.cell,
  expected: f.expected,
  actual: f.actual,
  tolerance: f.tolerance,
  cells: f.cells,
});

describe('세종 2024 example', () => {
  it('is registered as sejong-2024', () => {
    expect(EXAMPLE_NAMES).toEqual(['incheon-seogu-2023', 'sejong-2024']);
    expect(exampleDraft('sejong-2024')).toBe(sejong2024);
    expect(EXAMPLES['sejong-2024'].draft.meta.region).toBe('세종특별자치시');
    expect(exampleDraft('nope')).toBeUndefined();
  });

  it('renders only the 성과 sheet and reads back without a fatal problem', () => {
    const r = check();
    expect(r.fatal).toBe(false);
    expect(r.plan.results?.sheet).toBe('성과');
    expect(r.plan.results?.organisation).toBe('세종일자리경제진흥원');
    expect(r.plan.results?.year).toBe(2024);
    expect(r.plan.meta.region).toBe('세종특별자치시');
    expect(r.plan.period).toEqual({ startYear: 2024, years: 1 });
  });

  it('reports exactly the seed\'s inconsistencies', () => {
    const r = check();
    expect(r.findings.map(pick)).toEqual([
      { rule: 'structure', severity: 'info', sheet: '', cell: '', expected: null, actual: null, tolerance: null, cells: [] },
      {
        rule: 'result-sum',
        severity: 'error',
        sheet: '성과',
        cell: 'E9',
        expected: 1221,
        actual: 1216,
        tolerance: 2.5,
        cells: ['성과!E9', '성과!E10', '성과!E13', '성과!E16', '성과!E19'],
      },
      { rule: 'result-sum', severity: 'error', sheet: '성과', cell: 'E16', expected: 732, actual: 753, tolerance: 1.5, cells: ['성과!E16', '성과!E17', '성과!E18'] },
      { rule: 'result-units', severity: 'warning', sheet: '성과', cell: 'E36', expected: '명', actual: '개社', tolerance: null, cells: ['성과!E36', '성과!C36', '성과!E39', '성과!C39'] },
    ]);
    expect(r.summary).toEqual({ error: 2, warning: 1, info: 1 });
  });

  it('names the figures and cells in its messages', () => {
    const [note, total, centre, units] = check().findings;
    expect(note.messageId).toBe('note');
    expect(total.message).toBe(
      '성과 · 세종일자리경제진흥원 일자리 창출 실적: 합계 1,216 ≠ 내역의 합 1,221 (차이 △5, 반올림 허용 ±2.5; 세종청년희망내일센터 E10 228 + 세종신중년센터 E13 60 + 세종일자리지원센터 E16 753 + 세종지역혁신프로젝트 E19 180)',
    );
    expect(centre.message).toBe(
      '성과 · 세종일자리경제진흥원 일자리 창출 › 세종일자리지원센터 실적: 합계 753 ≠ 내역의 합 732 (차이 +21, 반올림 허용 ±1.5; 구직등록자 본인취업 E17 389 + 알선취업 E18 343)',
    );
    expect(units.messageEn).toBe(
      '성과 · 청년 경제활동 촉진 및 정착 지원 › 경제활동 참여율 제고를 위한 지원사업 운영 (수혜인원) 1,800 people (E36) adds up parts in other units: 소상공인 컨설팅 E39 12 companies',
    );
  });

  it('transcribes the seed\'s figures as stated', () => {
    const items = sejong2024.results!.items;
    const actual = (name: string, unit?: string) => items.filter((i) => i.name === name && (unit === undefined || i.unit === unit)).map((i) => i.actual);
    expect(actual('세종일자리경제진흥원 일자리 창출')).toEqual([1216]);
    expect(actual('세종일자리지원센터')).toEqual([753]);
    expect(actual('경제활동 참여율 제고를 위한 지원사업 운영 (수혜인원)')).toEqual([1800]);
    expect(actual('소상공인 컨설팅', '개社')).toEqual([12]);
    expect(actual('평균만족도')).toEqual([92.3]);
    expect(actual('채용실적')).toEqual([192]);
    expect(actual('산업단지 기숙사 임차비')).toEqual([9, 51]);
    // Every figure with a unit in the section: 13 in the job-creation summary; then per □ heading 2 (통합창업관),
    // 7 (수출·고용환경), 9 (수혜인원 and its 8 items), 9 (박람회), 6 (신중년), 5 (신기술), 3 (빈일자리) = 54.
    // The ▲ percentages and 3학기제 are in the 비고 column.
    expect(items.filter((i) => i.actual !== null)).toHaveLength(54);
    expect(items.filter((i) => i.note !== undefined && /▲/.test(i.note)).map((i) => i.note)).toEqual(['▲213%', '▲653%', '▲256%']);
    expect(items.every((i) => i.target === null && i.statedRate === null && i.link === undefined)).toBe(true);
  });
});
