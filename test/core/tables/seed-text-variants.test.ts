/**
 * Seed 000 as other offices type the same plan: string edits of its text (test/fixtures/documents), each
 * read through the text adapter. A variant that changes only how the plan is written must give exactly
 * the findings of the seed as published (same rules, cells, figures and tolerances).
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { textBytesToGrid } from '../../../src/adapters/text/read';
import { validateGrid } from '../../../src/core/validate';

const SEED = readFileSync(path.join(__dirname, '../../fixtures/documents/incheon-seogu-2023.txt'), 'utf8');
const check = (text: string) => validateGrid(textBytesToGrid(Buffer.from(text), 'incheon-seogu-2023.txt'));
const row = (f: ReturnType<typeof check>['findings'][number]) => JSON.stringify([f.rule, f.severity, f.sheet, f.cell, f.expected, f.actual, f.tolerance]);
const plain = check(SEED);

function expectSameAsSeed(r: ReturnType<typeof check>): void {
  expect(r.findings.map(row).sort()).toEqual(plain.findings.map(row).sort());
  expect(r.summary).toEqual({ error: 13, warning: 11, info: 2 });
  expect(r.problems).toEqual([]);
}

/** Every `(단위 : a, b)` line of the plan's chapters III–IV written by `write`. */
function unitLines(write: (units: string[]) => string): string {
  return SEED.split('\n')
    .map((line, i) => {
      const m = /^\(단위 : (.*)\)$/.exec(line);
      return m && i > 420 ? write(m[1].split(', ')) : line;
    })
    .join('\n');
}

describe('seed 000 with its unit lines written another way', () => {
  it.each([
    ['[단위: 명, 억원] (square brackets)', (u: string[]) => `[단위: ${u.join(', ')}]`],
    ['<단위 : 명, 억원> (angle brackets)', (u: string[]) => `<단위 : ${u.join(', ')}>`],
    ['(단위 : 명·억원) (middle dot)', (u: string[]) => `(단위 : ${u.join('·')})`],
    ['(단위 : 명, 백만 원) (원 spaced, as the spelling rules write it)', (u: string[]) => `(단위 : ${u.map((x) => x.replace(/원$/, ' 원')).join(', ')})`],
    ['(단 위 : 명, 억원) (단위 spaced)', (u: string[]) => `(단 위 : ${u.join(', ')})`],
  ])('%s: the same units and findings', (_, write) => {
    const text = unitLines(write);
    expect(text).not.toContain('(단위 : 명, 억원)');
    const r = check(text);
    expect(r.plan.tasks[12]).toMatchObject({ targetUnit: '명', budgetUnit: '억원' });
    expect(r.plan.tasks[7]).toMatchObject({ targetUnit: '개소', budgetUnit: '백만원' });
    expectSameAsSeed(r);
  });
});

describe('seed 000 with its none cells written with another dash', () => {
  /** Every "-" field of the plan's tables (chapters III–IV) written as `dash`. */
  const dashes = (dash: string) =>
    SEED.split('\n')
      .map((line, i) => (i > 420 && line.includes('\t') ? line.split('\t').map((f) => (f === '-' ? dash : f)).join('\t') : line))
      .join('\n');

  it.each([
    ['− (U+2212 minus sign)', '−'],
    ['‐ (U+2010 hyphen)', '‐'],
    ['‒ (U+2012 figure dash)', '‒'],
    ['ㅡ (the Hangul letter, as typed on a Korean keyboard)', 'ㅡ'],
  ])('%s: read as none, the same findings', (_, dash) => {
    const text = dashes(dash);
    expect(text).toContain(`공업지역 환경정비 사업\t성과목표\t${dash}\t${dash}`);
    expectSameAsSeed(check(text));
  });
});

describe('seed 004 with its job-creation summary written another way', () => {
  const RESULTS = readFileSync(path.join(__dirname, '../../fixtures/documents/sejong-2024-results.txt'), 'utf8');
  const read = (text: string) => validateGrid(textBytesToGrid(Buffer.from(text), 'sejong-2024-results.txt'));
  const results = read(RESULTS);

  it.each(['- ○', 'ㅇ', '○', '- ●', '◦'])('bullets %s instead of - ▶: the same two mismatches (the summary was silently not read)', (bullet) => {
    const text = RESULTS.replace(/^- ▶/gm, bullet);
    expect(text).toContain(`${bullet} 세종청년희망내일센터 **228명**`);
    const r = read(text);
    expect(r.findings.map(row)).toEqual(results.findings.map(row));
  });

  it.each([
    ['comma', ', '],
    ['middle dot', '·'],
  ])('%s: each part read, the same two mismatches (no false ones)', (_, sep) => {
    // "(청년취업박람회 192명/구직활동비 지원사업 36명)" → "(청년취업박람회 192명, 구직활동비 지원사업 36명)"
    const text = RESULTS.replace(/(\d명)\s*\/\s*/g, `$1${sep}`);
    expect(text).toContain(`청년취업박람회 192명${sep}구직활동비 지원사업 36명`);
    const r = read(text);
    expect(r.findings.map(row)).toEqual(results.findings.map(row));
    expect(r.plan.results!.items.map((i) => [i.name, i.actual?.value])).toEqual(results.plan.results!.items.map((i) => [i.name, i.actual?.value]));
  });

  it('the summary\'s figures typed full-width (１，２１６명) and breakdowns in [ ]: the same items and mismatches', () => {
    const wide = (t: string) => t.replace(/[0-9,]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    const lines = RESULTS.split('\n');
    const from = lines.findIndex((l) => l.includes('일자리 창출 총'));
    expect(from).toBeGreaterThanOrEqual(0);
    // The total line and its ▶ lines below it, rewritten.
    let to = from + 1;
    while (to < lines.length && (lines[to].trim() === '' || /^- ▶/.test(lines[to]))) to++;
    const text = [...lines.slice(0, from), ...lines.slice(from, to).map((l) => wide(l).replace(/\(([^()]*)\)\s*$/, '[$1]')), ...lines.slice(to)].join('\n');
    expect(text).toContain('１，２１６명');
    expect(text).toContain('[청년취업박람회 １９２명/구직활동비 지원사업 ３６명]');
    const r = read(text);
    expect(r.findings.map(row)).toEqual(results.findings.map(row));
    expect(r.plan.results!.items.map((i) => [i.name, i.actual?.value])).toEqual(results.plan.results!.items.map((i) => [i.name, i.actual?.value]));
  });
});

describe('seed 000 with a role label the reader does not know (사업비 for 소요예산)', () => {
  /** The 소요예산 rows of the lines in [from, to] (1-based) labelled 사업비. */
  const relabel = (from: number, to: number) =>
    SEED.split('\n')
      .map((line, i) => (i + 1 >= from && i + 1 <= to ? line.replace('\t소요예산\t', '\t사업비\t') : line))
      .join('\n');

  it('in the 분야별 목표: says where the table stopped being read (it was silently read as the 합 계 row alone)', () => {
    const r = check(relabel(444, 455));
    expect(r.plan.areas).toEqual([]);
    const structure = r.findings.filter((f) => f.rule === 'structure' && f.severity === 'error');
    expect(structure.map((f) => [f.sheet, f.cell])).toEqual([['2 분야별 목표', 'L446:F2']]);
    expect(structure[0].message).toContain("'사업비' 행의 구분이 성과목표도 소요예산도 아니어서 표를 그 앞까지만 읽었습니다");
  });

  it('in a 실천과제 table: says so too, besides the missing 소요예산 row', () => {
    const r = check(relabel(493, 499));
    const structure = r.findings.filter((f) => f.rule === 'structure' && f.severity === 'error');
    expect(structure.map((f) => f.cell)).toEqual(['L494:F1', 'L495:F2']);
    expect(structure[1].message).toContain("①의 표: '사업비' 행의 구분이");
  });
});

describe('seed 000 with tables broken across pages, as text extracted from the printed plan has them', () => {
  const lines = SEED.split('\n');
  /** The seed with `insert` put before line n (1-based). */
  const breakAt = (n: number, insert: string[]) => [...lines.slice(0, n - 1), ...insert, ...lines.slice(n - 1)].join('\n');
  // ⑥'s table: header line 678, 총계 679–680, 노인사회활동지원 681–682, 장애인 일자리 사업 683–684 …
  const header6 = lines[677];
  const areasHeader = lines[443];

  it.each([
    ['a page number inside ⑥ between two 세부사업', breakAt(683, ['', '- 15 -', ''])],
    ['a page number and the header repeated', breakAt(683, ['', '- 15 -', '', header6])],
    ['(계속) with the unit line and the header repeated', breakAt(683, ['', '- 15 -', '', '(단위 : 명, 백만원) (계속)', '', header6])],
    ['a page number between a 세부사업 and its 소요예산 row', breakAt(682, ['- 15 -'])],
    ['a page number inside the 분야별 목표, its header repeated', breakAt(449, ['', '- 12 -', '', areasHeader])],
  ])('%s: read as one table, the same findings', (_, text) => {
    const r = check(text);
    expect(r.plan.tasks.map((t) => [t.no, t.subprojects.length])).toEqual(plain.plan.tasks.map((t) => [t.no, t.subprojects.length]));
    expect(r.plan.areas).toHaveLength(5);
    // The same findings; their lines moved by the lines inserted, so compared without their cells.
    const noCell = (f: ReturnType<typeof check>['findings'][number]) => JSON.stringify([f.rule, f.severity, f.sheet, f.expected, f.actual, f.tolerance]);
    expect(r.findings.map(noCell).sort()).toEqual(plain.findings.map(noCell).sort());
    expect(r.problems).toEqual([]);
  });
});

describe('seed 000 with its title period written another way', () => {
  it.each(["('23~'26)", "('23년~'26년)", '(2023년도 ~ 2026년도)', '(2023〜2026)'])('%s: the period read from the title, no note that it is missing', (period) => {
    const text = SEED.replace('(2023~2026)', period);
    expect(text).toContain(`종합계획\n${period}`);
    const r = check(text);
    expect(r.plan.period).toEqual({ startYear: 2023, years: 4 });
    expectSameAsSeed(r);
  });
});

describe('seed 000 with the private-sector area starred for the footnote that leaves its budget out', () => {
  it.each(['*', ' *', '※', '(*)', '¹⁾'])('민간기업 … 고용 창출%s: its task still linked, its budget still the one left out', (mark) => {
    const text = SEED.replace('민간기업 상생.협력을 통한 고용 창출\t성과목표', `민간기업 상생.협력을 통한 고용 창출${mark}\t성과목표`);
    const r = check(text);
    expect(r.plan.tasks[12].areaIndex).toBe(4);
    const excluded = r.findings.find((f) => f.rule === 'budget-excluded');
    expect(excluded).toMatchObject({ cell: 'L455:F1', expected: 2268300 });
    expect(r.findings.map((f) => [f.rule, f.severity, f.cell, f.expected, f.actual])).toEqual(plain.findings.map((f) => [f.rule, f.severity, f.cell, f.expected, f.actual]));
    expect(r.problems).toEqual([]);
  });
});

describe('seed 000 with its tables written as Markdown tables (| a | b |, a rule row under each header line)', () => {
  it('gives the same findings, each at its line of the Markdown text and its field', () => {
    const out: string[] = [];
    let inTable = false;
    for (const line of SEED.split('\n')) {
      if (!line.includes('\t')) {
        out.push(line);
        inTable = false;
        continue;
      }
      out.push(`| ${line.split('\t').join(' | ')} |`);
      if (!inTable) out.push(`|${line.split('\t').map(() => '---').join('|')}|`);
      inTable = true;
    }
    const text = out.join('\n');
    const r = check(text);
    const noCell = (f: ReturnType<typeof check>['findings'][number]) => JSON.stringify([f.rule, f.severity, f.sheet, f.expected, f.actual, f.tolerance]);
    expect(r.findings.map(noCell).sort()).toEqual(plain.findings.map(noCell).sort());
    expect(r.problems).toEqual([]);
    // 청년 일자리 확대 소요예산 합계 (seed line 448, field 3): its line in the Markdown text, the same field.
    const first = r.findings.find((f) => f.rule === 'area-total')!;
    const line = Number(/^L(\d+):F3$/.exec(first.cell)![1]);
    expect(text.split('\n')[line - 1]).toBe('|  | 소요예산 | 4,197 | 1,127 | 1,049 | 996 | 1,025 |');
  });
});

describe('seed 000 with a table’s units in its labels instead of a unit line', () => {
  const lines = SEED.split('\n');
  /** ⑬'s unit line (line 960, "(단위 : 명, 억원)") removed and its labels edited. */
  const t13 = (edit: (line: string, n: number) => string) =>
    lines.map((line, i) => (i + 1 === 960 ? '' : i + 1 >= 962 && i + 1 <= 972 ? edit(line, i + 1) : line)).join('\n');

  it.each([
    ['성과목표(명) / 소요예산(억원)', t13((l) => l.replace('\t성과목표\t', '\t성과목표(명)\t').replace('\t소요예산\t', '\t소요예산(억원)\t'))],
    ['합계(억원) in the header', t13((l, n) => (n === 962 ? l.replace('\t합계\t', '\t합계(억원)\t') : l))],
  ])('%s: read in 억원 (not 백만원 with a note that the unit line is missing)', (_, text) => {
    expect(text).not.toContain('(단위 : 명, 억원)');
    const r = check(text);
    expect(r.plan.tasks[12]).toMatchObject({ targetUnit: '명', budgetUnit: '억원' });
    expectSameAsSeed(r);
  });

  it('the 분야별 목표 with 성과목표(명) / 소요예산(백만원) and no unit line: no note', () => {
    const text = lines
      .map((line, i) => (i + 1 === 442 ? '' : i + 1 >= 445 && i + 1 <= 455 ? line.replace('\t성과목표\t', '\t성과목표(명)\t').replace('\t소요예산\t', '\t소요예산(백만원)\t') : line))
      .join('\n');
    expectSameAsSeed(check(text));
  });
});
