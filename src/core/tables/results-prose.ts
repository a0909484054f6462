/**
 * 성과 written as prose, as results reports state them (seed 004):
 *
 *   세종일자리경제진흥원 일자리 창출 총 **1,216명 달성**
 *   - ▶ 세종청년희망내일센터 **228명** (청년취업박람회 192명/구직활동비 지원사업 36명)
 *   - ▶ 세종일자리지원센터 **753명** (구직등록자 본인취업 389명 / 알선취업 343명)
 *
 * A total line (`… 총 N단위`) followed by bullet lines, each with its figure and its breakdown in
 * brackets, becomes the 성과 hierarchy: total → bullets → breakdown. So does a line whose figure is in
 * its closing bracket, with its breakdown listed on the next line:
 *
 *   - 경제활동 참여율 제고를 위한 지원사업 운영(수혜인원 1,800명)
 *    - * 구직·창업수당(200명), 면접스타일링(180명), 소상공인 컨설팅(12개社), … 등
 *
 * Every figure points at its line.
 */
import type { Figure } from '../model/plan';
import type { ResultItem, Results } from '../results/model';
import { halfWidthNumber } from '../numbers/parse';
import { lineText, refOf, type TableSheet } from './sheet';
import type { TableKind, TableMatch } from './types';

export interface ProseMatch extends TableMatch {
  kind: 'results-prose';
  items: { level: number; name: string; value: number; unit: string; row: number }[];
  year: number | null;
  yearRow: number;
}

const UNIT = '(명|개社|개사|개소|건|회|개)';
const TOTAL = new RegExp(`^(.+?)\\s*총\\s*([\\d,]+(?:\\.\\d+)?)\\s*${UNIT}`);
/** A bullet of the summary's lines: ▶ as the seed has them, or ○ ◦ ● ◎ and the letter ㅇ offices type for ○, after an optional -. */
const BULLET_MARK = /^[-•·]?\s*(?:[▶►▷○◦●◎]|ㅇ(?=\s))/;
const BULLET = new RegExp(`^[-•·]?\\s*(?:[▶►▷○◦●◎]|ㅇ(?=\\s))?\\s*(.+?)\\s*([\\d,]+(?:\\.\\d+)?)\\s*${UNIT}\\s*(?:\\((.*)\\)|\\[(.*)\\])?\\s*$`);
const PART = new RegExp(`^(.+?)\\s*([\\d,]+(?:\\.\\d+)?)\\s*${UNIT}$`);
/** Between the parts of a breakdown: `/` as the seed writes it, or `,` `·` `、`, each right after a part's figure and unit. */
const PART_SEPARATOR = /(?<=\d\s*(?:명|개社|개사|개소|건|회|개))\s*[/／,，·、]\s*|\s*[/／]\s*/;

const BRACKETED_TOTAL = new RegExp(`^[-•·]?\\s*(.+?)\\s*\\(\\s*([^()\\d]*?)\\s*([\\d,]+(?:\\.\\d+)?)\\s*${UNIT}\\s*\\)\\s*$`);
const LISTED_PART = new RegExp(`^(.+?)\\s*\\(\\s*([\\d,]+(?:\\.\\d+)?)\\s*${UNIT}\\s*\\)$`);

/** Splits "a(1명), b(2명), c(3개社) 등" at the commas outside brackets; drops the trailing 등. */
function listItems(t: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of t) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out.map((x) => x.replace(/\s*등$/, '').trim()).filter((x) => x !== '');
}

/** `- 이름(수혜인원 1,800명)` with its breakdown on the next line, or null. */
function bracketedBlock(s: TableSheet, r: number, line: string): ProseMatch['items'] | null {
  const total = BRACKETED_TOTAL.exec(clean(line));
  if (!total) return null;
  let k = r + 1;
  while (k < s.grid.rows.length && lineText(s, k) === '') k++;
  const next = lineText(s, k);
  if (!next || !/^[-•·]?\s*\*/.test(next.trim())) return null;
  const parts = listItems(clean(next).replace(/^[-•·]?\s*\*\s*/, '')).map((x) => LISTED_PART.exec(x));
  if (parts.length < 2 || parts.some((p) => p === null)) return null;
  const name = total[2].trim() ? `${clean(total[1])} (${total[2].trim()})` : clean(total[1]);
  return [
    { level: 1, name, value: num(total[3]), unit: total[4], row: r },
    ...parts.map((p) => ({ level: 2, name: clean(p![1]), value: num(p![2]), unit: p![3], row: k })),
  ];
}

const num = (t: string) => Number(t.replace(/,/g, ''));
/** A prose line as the patterns read it: no ** emphasis, one space for each run, figures typed full-width made ASCII (１，２１６명). */
const clean = (t: string) => halfWidthNumber(t.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim());

export const proseResults: TableKind<ProseMatch> = {
  id: 'results-prose',
  name: '성과',
  nameEn: '성과 (results, as prose)',
  detect(s) {
    if (!s.grid.source) return [];
    const out: ProseMatch[] = [];
    for (let r = 0; r < s.grid.rows.length; r++) {
      const line = lineText(s, r);
      if (!line) continue;
      const bracketed = bracketedBlock(s, r, line);
      if (bracketed) {
        out.push({ kind: 'results-prose', sheet: s, header: r, last: bracketed[bracketed.length - 1].row, years: [], items: bracketed, year: null, yearRow: -1 });
        r = bracketed[bracketed.length - 1].row;
        continue;
      }
      const total = TOTAL.exec(clean(line));
      if (!total) continue;
      const items: ProseMatch['items'] = [{ level: 1, name: clean(total[1]), value: num(total[2]), unit: total[3], row: r }];
      let last = r;
      for (let k = r + 1; k < s.grid.rows.length; k++) {
        const next = lineText(s, k);
        if (next === '' || next === null) {
          if (s.grid.rows[k]?.some((x) => x && x.value !== null && String(x.value).trim() !== '')) break;
          continue;
        }
        if (!BULLET_MARK.test(next)) break;
        const b = BULLET.exec(clean(next));
        if (!b) break;
        items.push({ level: 2, name: clean(b[1]), value: num(b[2]), unit: b[3], row: k });
        for (const part of (b[4] ?? b[5] ?? '').split(PART_SEPARATOR)) {
          const p = PART.exec(clean(part));
          if (p) items.push({ level: 3, name: clean(p[1]), value: num(p[2]), unit: p[3], row: k });
        }
        last = k;
      }
      if (items.length < 2) continue;
      // The year: the nearest "YYYY년" in a heading above (`I. 2024년 성과와 평가`).
      let year: number | null = null;
      let yearRow = -1;
      for (let k = r - 1; k >= 0 && year === null; k--) {
        const t = lineText(s, k);
        const y = t ? /((?:19|20)\d{2})\s*년/.exec(t) : null;
        if (y && t!.length <= 60) {
          year = Number(y[1]);
          yearRow = k;
        }
      }
      out.push({ kind: 'results-prose', sheet: s, header: r, last, years: year ? [year] : [], items, year, yearRow });
      r = last;
    }
    return out;
  },
  read(m, asm) {
    const s: TableSheet = m.sheet;
    // Several prose blocks make one 성과: later blocks are added to the first one's items.
    const results: Results = asm.plan.results ?? {
      sheet: refOf(s, m.header, 0).sheet,
      title: m.yearRow >= 0 ? clean(String(s.grid.rows[m.yearRow]?.[0]?.value ?? '')) : null,
      year: m.year,
      yearRef: m.yearRow >= 0 ? refOf(s, m.yearRow, 0) : null,
      region: null,
      organisation: null,
      items: [],
    };
    if (results.year === null && m.year !== null) {
      results.year = m.year;
      results.yearRef = m.yearRow >= 0 ? refOf(s, m.yearRow, 0) : null;
    }
    const stack: ResultItem[] = [];
    for (const it of m.items) {
      while (stack.length && stack[stack.length - 1].level >= it.level) stack.pop();
      const parent = stack.length ? stack[stack.length - 1] : null;
      const ref = refOf(s, it.row, 0);
      const actual: Figure = { ref, value: it.value, state: 'number', raw: it.value, decimals: 0 };
      const item: ResultItem = {
        index: results.items.length,
        level: it.level,
        name: it.name,
        label: ref,
        statedUnit: it.unit,
        unit: it.unit,
        unitRef: ref,
        target: null,
        actual,
        rate: null,
        link: null,
        year: results.year,
        yearRef: results.yearRef,
        note: '',
        parent: parent ? parent.index : null,
        children: [],
      };
      if (parent) parent.children.push(item.index);
      results.items.push(item);
      stack.push(item);
      asm.plan.cellsRead += 1;
    }
    asm.plan.results = results;
  },
};
