/**
 * 개요, optional. Our template's field list (지자체명, 민선 기수, 계획기간 시작연도 …, and the check
 * settings), or, in a published document, its title lines: `인천서구 민선8기 일자리대책 종합계획` and
 * `(2023~2026)`, giving region, term and period. Without either, the period comes from the tables'
 * year headers (assemble.ts).
 */
import { parseKoreanNumber } from '../numbers/parse';
import { TEMPLATE } from '../template/description';
import type { Label } from './labels';
import type { CellRef } from '../model/plan';
import { findLabel, lineText, own, refOf, type TableSheet } from './sheet';
import type { Assembly, TableKind, TableMatch } from './types';
import { isResultsOnly } from '../results/render';
import { renderOverview } from '../template/sheets';

export interface OverviewMatch extends TableMatch {
  kind: 'overview';
}

const F = TEMPLATE.overview.fields;

function valueOf(s: TableSheet, l: Label): { t: string; n: number | null; row: number; col: number } | null {
  const p = findLabel(s, l);
  if (!p) return null;
  for (let c = p.col + 1; c < s.width; c++) {
    const t = own(s, p.row, c);
    if (t !== '') return { t, n: parseKoreanNumber(s.grid.rows[p.row]?.[c]?.value ?? null).value, row: p.row, col: c };
  }
  return null;
}

/**
 * A 요구 증감 setting: its number, or null (the default stays) when it is not a number. A setting that is not
 * a number, or is outside what a requirement can be (a rate cannot change by more than 100 %p either way, a
 * count cannot fall by 100 % or more; a count rise over 1,000 % is taken for a typo), is said as a warning,
 * so a typo never silently turns the indicator check off or makes it meaningless. A decrease (-1) is allowed.
 */
function requiredChange(s: TableSheet, asm: Assembly, l: Label, kind: 'rate' | 'count', fallback: number): number | null {
  const v = valueOf(s, l);
  if (!v) return null;
  const unit = kind === 'rate' ? '%p' : '%';
  const [min, max] = kind === 'rate' ? [-100, 100] : [-100, 1000];
  const ref = refOf(s, v.row, v.col);
  if (v.n === null || !Number.isFinite(v.n)) {
    asm.problem('개요', `'${l.text}' 값 "${v.t}"은 숫자가 아니어서 기본값 ${fallback}${unit}로 검사했습니다`, `'${l.text}' "${v.t}" is not a number: checked with the default ${fallback}${unit}`, 'warning', ref);
    return null;
  }
  if (v.n < min || v.n > max || (kind === 'count' && v.n === min)) {
    asm.problem('개요', `'${l.text}' 값 ${v.t}은 요구 증감으로 볼 수 없는 값입니다 (${kind === 'rate' ? '-100~100%p' : '-100% 초과 1000% 이하'}): 이 값으로 검사했으니 확인하세요`, `'${l.text}' ${v.t} is not a plausible required change (${kind === 'rate' ? '-100 to 100%p' : 'over -100% and up to 1000%'}): checked with it, please check it`, 'warning', ref);
  }
  return v.n;
}

export const overviewTable: TableKind<OverviewMatch> = {
  id: 'overview',
  name: '개요',
  nameEn: '개요 (overview)',
  sheetName: TEMPLATE.overview.sheetName,
  detect(s) {
    const at = findLabel(s, F.region) ?? findLabel(s, F.startYear);
    return at ? [{ kind: 'overview', sheet: s, header: at.row, last: at.row, years: [] }] : [];
  },
  read(m, asm) {
    const s = m.sheet;
    const meta = asm.plan.meta;
    const settings = asm.plan.settings;
    meta.sheet = s.name;
    meta.region = valueOf(s, F.region)?.t ?? null;
    meta.term = valueOf(s, F.term)?.n ?? null;
    meta.preparedDate = valueOf(s, F.preparedDate)?.t ?? null;
    const rate = requiredChange(s, asm, F.requiredRateChange, 'rate', settings.requiredRateChange);
    const count = requiredChange(s, asm, F.requiredCountChange, 'count', settings.requiredCountChange);
    if (rate !== null) settings.requiredRateChange = rate;
    if (count !== null) settings.requiredCountChange = count;
  },
  render: (d, ctx) => (isResultsOnly(d) ? null : renderOverview(d, ctx.names.overview)),
};

/** The period the 개요 states, if any (read before the tables, which need it). */
export function overviewPeriod(s: TableSheet): { startYear: number; years: number | null; ref: CellRef } | null {
  const at = valueOf(s, F.startYear);
  const start = at?.n ?? null;
  if (!at || start === null || !Number.isInteger(start)) return null;
  const years = valueOf(s, F.years)?.n ?? null;
  return { startYear: start, years: years !== null && Number.isInteger(years) && years > 0 ? years : null, ref: refOf(s, at.row, at.col) };
}

export interface TitleMatch extends TableMatch {
  kind: 'title';
  region: string | null;
  term: number | null;
  period: { startYear: number; years: number } | null;
}

/** `(2023~2026)`, also `2023년도 ~ 2026년도`, `2023〜2026` and `('23~'26)` / `'23년~'26년`. */
const PERIOD = /\(?\s*((?:19|20)\d{2}|['’‘]\d{2})\s*(?:년도?)?\s*[~～〜\-–—]\s*((?:19|20)\d{2}|['’‘]\d{2})\s*(?:년도?)?\s*\)?/;
const yearOf = (t: string) => (/^\d{4}$/.test(t) ? Number(t) : 2000 + Number(t.slice(1)));

/** The document's title lines, within its first lines: `… 민선8기 … 종합계획` and `(2023~2026)`. */
export const titleLines: TableKind<TitleMatch> = {
  id: 'title',
  name: '제목',
  nameEn: 'title',
  detect(s) {
    let region: string | null = null;
    let term: number | null = null;
    let period: TitleMatch['period'] = null;
    let at = -1;
    for (let r = 0; r < Math.min(s.grid.rows.length, 40); r++) {
      const line = lineText(s, r);
      if (!line || line.length > 80) continue;
      const termMatch = /민선\s*(\d{1,2})\s*기/.exec(line);
      if (termMatch && /계획|공시/.test(line) && term === null) {
        term = Number(termMatch[1]);
        const before = line.slice(0, termMatch.index).trim();
        if (before !== '') region = before;
        at = at < 0 ? r : at;
      }
      const p = PERIOD.exec(line);
      if (p && period === null && (termMatch || /^\(/.test(line.trim()) || /계획/.test(line))) {
        const a = yearOf(p[1]);
        const b = yearOf(p[2]);
        if (b >= a && b - a < 10) period = { startYear: a, years: b - a + 1 };
        at = at < 0 ? r : at;
      }
    }
    return at >= 0 ? [{ kind: 'title', sheet: s, header: at, last: at, years: [], region, term, period }] : [];
  },
  read(m, asm: Assembly) {
    const meta = asm.plan.meta;
    if (meta.region === null && m.region) meta.region = m.region;
    if (meta.term === null && m.term !== null) meta.term = m.term;
  },
};
