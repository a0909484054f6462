/**
 * 성과 written as prose, as results reports state them (seed 004):
 *
 *   세종일자리경제진흥원 일자리 창출 총 **1,216명 달성**
 *   - ▶ 세종청년희망내일센터 **228명** (청년취업박람회 192명/구직활동비 지원사업 36명)
 *   - ▶ 세종일자리지원센터 **753명** (구직등록자 본인취업 389명 / 알선취업 343명)
 *
 * A total line (`… 총 N단위`) followed by bullet lines, each with its figure and its breakdown in
 * brackets, becomes the 성과 hierarchy: total → bullets → breakdown. Every figure points at its line.
 */
import type { Figure } from '../model/plan';
import type { ResultItem, Results } from '../results/model';
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
const BULLET = new RegExp(`^[-•·]?\\s*[▶►▷○◦]?\\s*(.+?)\\s*([\\d,]+(?:\\.\\d+)?)\\s*${UNIT}\\s*(?:\\((.*)\\))?\\s*$`);
const PART = new RegExp(`^(.+?)\\s*([\\d,]+(?:\\.\\d+)?)\\s*${UNIT}$`);

const num = (t: string) => Number(t.replace(/,/g, ''));
const clean = (t: string) => t.replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();

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
        if (!/^[-•·]?\s*[▶►▷]/.test(next)) break;
        const b = BULLET.exec(clean(next));
        if (!b) break;
        items.push({ level: 2, name: clean(b[1]), value: num(b[2]), unit: b[3], row: k });
        for (const part of (b[4] ?? '').split(/[/／]/)) {
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
    const results: Results = {
      sheet: refOf(s, m.header, 0).sheet,
      title: m.yearRow >= 0 ? clean(String(s.grid.rows[m.yearRow]?.[0]?.value ?? '')) : null,
      year: m.year,
      yearRef: m.yearRow >= 0 ? refOf(s, m.yearRow, 0) : null,
      region: null,
      organisation: null,
      items: [],
    };
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
