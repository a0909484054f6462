/**
 * The seeds as text documents (copied unchanged into test/fixtures/documents) (tab-separated tables, a merged cell an empty field), read through the
 * text adapter and the same reader as any workbook. Seed 000 must give exactly the inconsistencies the
 * built-in 인천 서구 example gives (test/core/example-findings.test.ts), each at its line and field;
 * seed 004 the 세종 results' two mismatches (test/core/results/sejong-findings.test.ts).
 *
 * Where the figures are in seed 000 (checked by reading the file): the 분야별 목표 table's header is line
 * 444, the 청년 일자리 확대 소요예산 row line 448 … the 민간기업 row line 455; field 3 is 합 계 and fields
 * 4–7 are 2023–2026. ⑪'s 공업지역 환경정비 사업 소요예산 row is line 896, its 성과목표 row (all "-") 895.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { textBytesToGrid } from '../../../src/adapters/text/read';
import { validateGrid } from '../../../src/core/validate';
import { plainText, strategyMapTable, taskNamesIn } from '../../../src/core/tables/links';
import { own, prepareSheets } from '../../../src/core/tables/sheet';

const DOCUMENTS = path.join(__dirname, '../../fixtures/documents');
const seed = (name: string) => validateGrid(textBytesToGrid(readFileSync(path.join(DOCUMENTS, name)), name));
const A = '2 분야별 목표';

describe('seed 000 (인천 서구 2023–2026) as text', () => {
  const r = seed('incheon-seogu-2023.txt');

  it('reads region, term and period from the title lines, and every table', () => {
    expect(r.plan.period).toEqual({ startYear: 2023, years: 4 });
    expect(r.plan.meta).toMatchObject({ region: '인천서구', term: 8 });
    expect(r.plan.indicators.map((i) => i.name)).toEqual(['고용률(15세~64세)', '청년고용률 (15세~29세)', '여성고용률 (15세~64세)', '취업자 수(15세~64세)', '상용근로자 수', '고용보험 피보험자수']);
    expect(r.plan.indicators[0].base).toMatchObject({ value: 68.6, ref: { sheet: '1 공통 일자리 목표', cell: 'L431:F3' } });
    expect(r.plan.areas.map((a) => a.name)).toHaveLength(5);
    expect(r.plan.tasks.map((t) => [t.no, t.areaIndex, t.subprojects.length])).toEqual([
      [1, 0, 2], [2, 0, 4], [3, 1, 1], [4, 1, 3], [5, 1, 5], [6, 1, 6], [7, 1, 7], [8, 2, 1], [9, 2, 2], [10, 2, 1], [11, 3, 3], [12, 3, 4], [13, 4, 4],
    ]);
    expect(r.plan.tasks[1]).toMatchObject({ name: '청년 일자리 지원 및 취업역량 강화', label: { sheet: '2 청년 일자리 지원 및 취업역량 강화', cell: 'L501:F1' } });
    expect(r.plan.tasks[12]).toMatchObject({ targetUnit: '명', budgetUnit: '억원' });
    expect(r.problems).toEqual([]);
  });

  it('gives exactly the example’s findings, at their lines and fields', () => {
    // The same findings, whatever their order (the one order is test/present/outputs.test.ts's business).
    const asSet = (rows: unknown[][]) => rows.map((x) => JSON.stringify(x)).sort();
    const got = r.findings.map((f) => [f.rule, f.severity, f.sheet, f.cell, f.expected, f.actual, f.tolerance]);
    expect(asSet(got)).toEqual(asSet([
      ['area-total', 'error', A, 'L448:F3', 4193, 4197, 1.5],
      ['area-total', 'error', A, 'L448:F4', 1125, 1127, 1.5],
      ['area-total', 'error', A, 'L448:F5', 1047, 1049, 1.5],
      ['area-total', 'warning', A, 'L448:F6', 997, 996, 1.5],
      ['area-total', 'warning', A, 'L448:F7', 1024, 1025, 1.5],
      ['area-total', 'error', A, 'L449:F3', 42165, 43465, 3],
      ['area-total', 'error', A, 'L449:F4', 10132, 10442, 3],
      ['area-total', 'error', A, 'L449:F5', 10479, 10799, 3],
      ['area-total', 'error', A, 'L449:F6', 10678, 11008, 3],
      ['area-total', 'error', A, 'L449:F7', 10876, 11216, 3],
      ['area-total', 'error', A, 'L450:F3', 169925, 181493, 3],
      ['area-total', 'error', A, 'L450:F4', 41019, 43783, 3],
      ['area-total', 'error', A, 'L450:F5', 41819, 44668, 3],
      ['area-total', 'error', A, 'L450:F6', 42963, 45897, 3],
      ['area-total', 'error', A, 'L450:F7', 44124, 47145, 3],
      ['area-total', 'warning', A, 'L452:F3', 14599, 14601, 2],
      ['area-total', 'warning', A, 'L452:F4', 3490, 3491, 2],
      ['area-total', 'warning', A, 'L452:F6', 3701, 3702, 2],
      ['area-total', 'warning', A, 'L454:F4', 1535, 1536, 1.5],
      ['area-total', 'warning', A, 'L454:F5', 1572, 1573, 1.5],
      ['area-total', 'warning', A, 'L454:F6', 1611, 1610, 1.5],
      ['area-total', 'warning', A, 'L454:F7', 1649, 1648, 1.5],
      ['mixed-units', 'warning', A, 'L451:F3', '명', '개소, 명', null],
      ['mixed-units', 'warning', A, 'L453:F3', '명', '명, 개소', null],
      ['budget-excluded', 'info', A, 'L455:F1', 2268300, null, null],
      ['budget-without-target', 'info', '11 산업단지 · 공업지역 고용환경 개선', 'L895:F3', null, 0, null],
    ]));
    expect(r.summary).toEqual({ error: 13, warning: 11, info: 2 });
  });

  it('names the task figures by line and field in its messages', () => {
    expect(r.findings[0].message).toContain("① 청년 창업 인프라 조성 총계 '1 청년 창업 인프라 조성'!L495:F3 192");
    expect(r.findings[0].cells).toEqual(["'2 분야별 목표'!L448:F3", "'1 청년 창업 인프라 조성'!L495:F3", "'2 청년 일자리 지원 및 취업역량 강화'!L530:F3"]);
  });
});

describe('seed 004 (세종 2024 results) as text', () => {
  const r = seed('sejong-2024-results.txt');

  it('reports the two mismatches of the job-creation summary and the unit mix, at their lines (as the 세종 example does)', () => {
    const got = r.findings.map((f) => [f.rule, f.severity, f.sheet, f.cell, f.expected, f.actual, f.tolerance, f.cells]);
    expect(got).toEqual([
      ['structure', 'info', '', '', null, null, null, []],
      ['result-sum', 'error', '1 주요 성과', 'L7:F1', 1221, 1216, 2.5, ['1 주요 성과!L7:F1', '1 주요 성과!L9:F1', '1 주요 성과!L10:F1', '1 주요 성과!L11:F1', '1 주요 성과!L12:F1'].map((c) => `'${c.replace('!', "'!")}`)],
      ['result-sum', 'error', '1 주요 성과', 'L11:F1', 732, 753, 1.5, ["'1 주요 성과'!L11:F1", "'1 주요 성과'!L11:F1", "'1 주요 성과'!L11:F1"]],
      // 수혜인원 1,800명 (line 27) = its eight items on line 28, 소상공인 컨설팅 12개社 among them: the units warning only.
      ['result-units', 'warning', '1 주요 성과', 'L27:F1', '명', '개社', null, ["'1 주요 성과'!L27:F1", "'1 주요 성과'!L27:F1", "'1 주요 성과'!L28:F1", "'1 주요 성과'!L28:F1"]],
    ]);
    expect(r.summary).toEqual({ error: 2, warning: 1, info: 1 });
    expect(r.findings[3].message).toContain('경제활동 참여율 제고를 위한 지원사업 운영 (수혜인원) 1,800명');
    expect(r.plan.results).toMatchObject({ year: 2024, title: 'I. 2024년 성과와 평가' });
    expect(r.plan.period).toEqual({ startYear: 2024, years: 1 });
    expect(r.fatal).toBe(false);
  });
});

describe('seed 000 typed in 전각 (full-width) mode', () => {
  // Every figure and year header of its tables full-width (１２, １，２３４, △１, ２０２３년): read as the same figures.
  const wideField = (f: string) => (/^\s*[△-]?[\d,.]+%?\s*$|^\s*\d{4}년\s*$/.test(f) ? f.replace(/[0-9,.%-]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : f);
  const bytes = readFileSync(path.join(DOCUMENTS, 'incheon-seogu-2023.txt'), 'utf8')
    .split('\n')
    .map((line) => (line.includes('\t') ? line.split('\t').map(wideField).join('\t') : line))
    .join('\n');
  const wide = validateGrid(textBytesToGrid(Buffer.from(bytes), 'incheon-seogu-2023.txt'));
  const plain = seed('incheon-seogu-2023.txt');

  it('gives the same findings at the same lines and fields, the figures read as numbers', () => {
    expect(bytes).toContain('４，１９７');
    expect(bytes).toContain('２０２３년');
    const row = (f: (typeof plain.findings)[number]) => JSON.stringify([f.rule, f.severity, f.sheet, f.cell, f.expected, f.actual, f.tolerance]);
    expect(wide.findings.map(row).sort()).toEqual(plain.findings.map(row).sort());
    expect(wide.summary).toEqual({ error: 13, warning: 11, info: 2 });
    expect(wide.plan.areas[0].budget?.total).toMatchObject({ value: 4197, state: 'number' });
    expect(wide.problems).toEqual([]);
  });
});

describe('seed 000 with its rates written 68.6% and its changes +2%p, +10%', () => {
  // The 공통 일자리 목표 as many documents write it: a per cent sign on every rate, signs on the changes.
  const lines = readFileSync(path.join(DOCUMENTS, 'incheon-seogu-2023.txt'), 'utf8').split('\n');
  const edited = lines.map((line, i) => {
    const n = i + 1;
    const f = line.split('\t');
    if (n >= 431 && n <= 433) return [f[0], ...f.slice(1, 7).map((x) => `${x}%`), `+${f[7]}%p`].join('\t');
    if (n >= 434 && n <= 436) return [...f.slice(0, 7), `+${f[7]}%`].join('\t');
    return line;
  });
  const r = validateGrid(textBytesToGrid(Buffer.from(edited.join('\n')), 'incheon-seogu-2023.txt'));
  const plain = seed('incheon-seogu-2023.txt');

  it('reads the same figures and gives the same findings (no "number stored as text" in a document)', () => {
    expect(edited[430]).toBe('고용률(15세~64세)\t66.9%\t68.6%\t69.1%\t69.6%\t70.1%\t70.6%\t+2%p');
    expect(r.plan.indicators[0]).toMatchObject({ base: { value: 68.6, decimals: 1 }, statedChange: { value: 2 } });
    expect(r.plan.indicators[3].statedChange).toMatchObject({ value: 10 });
    const row = (f: (typeof plain.findings)[number]) => JSON.stringify([f.rule, f.severity, f.sheet, f.cell, f.expected, f.actual, f.tolerance]);
    expect(r.findings.map(row).sort()).toEqual(plain.findings.map(row).sort());
    expect(r.problems).toEqual([]);
  });
});

describe('seed 000’s chapter III overview table', () => {
  it('is found by its header `< 5대 핵심전략 > | < 실천 과제 >` (text in angle brackets, not markup) and lists each task’s name', () => {
    const sheet = prepareSheets(textBytesToGrid(readFileSync(path.join(DOCUMENTS, 'incheon-seogu-2023.txt')), 'incheon-seogu-2023.txt'))[0];
    const found = strategyMapTable.detect(sheet);
    expect(found.map((m) => [m.header + 1, m.last + 1])).toEqual([[459, 464]]); // seed lines
    const m = found[0];
    expect([...taskNamesIn(plainText(own(sheet, 459, m.taskCol)))]).toEqual([
      [1, '청년 창업 인프라 조성'],
      [2, '청년 일자리 지원 및 취업역량 강화'],
    ]);
    expect(plainText('<ul style="list-style-type: none"> ① 과제 </ul>')).toBe('① 과제');
    expect(plainText('< 5대 핵심전략 >')).toBe('< 5대 핵심전략 >');
  });
});
