/**
 * A figure whose cell states its own unit ("4,900억원", or a number format `#,##0"억원"`) in a table of
 * another unit (백만원): the figure is read as the number written, in the table's unit, so a budget in 억원
 * counts 100 times too little. Never converted here: the document states 4,900 in a 백만원 column, and it
 * is the document's to fix; the message says what the figure is in the table's unit when money converts.
 */
import type { Figure, Series } from '../../model/plan';
import { budgetFactor } from '../../model/units';
import type { Rule, RuleContext } from '../types';
import { SeriesRow, forEachIndicatorFigure, taskLabel, type Role } from '../walk';
import { GRAND_TOTAL_WORDS, bi, figureWords, joinWords, quantityWords, unitWords, type Words } from '../words';

/** Does a cell's stated unit say what its table's unit says? 개社 is 개사; a bare 개 counts 개소 or 개사 as well. */
function sameUnit(stated: string, table: string): boolean {
  const a = stated === '개社' ? '개사' : stated;
  const b = table.replace(/\s+/g, '') === '개社' ? '개사' : table.replace(/\s+/g, '');
  if (a === b) return true;
  return (a === '개' && (b === '개소' || b === '개사')) || (b === '개' && (a === '개소' || a === '개사'));
}

/** How many of a row's figures a message lists before "외 n칸". */
const LISTED = 4;

/**
 * Reports a row's figures whose stated unit is not the table's, one finding per stated unit.
 * `what` is made only when there is something to report (most rows state no unit).
 */
function checkFigures(ctx: RuleContext, figures: readonly Figure[], tableUnit: string, what: () => Words): void {
  let odd: Figure[] | null = null;
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i];
    if (f.unit === undefined || f.missing || sameUnit(f.unit, tableUnit)) continue;
    (odd ??= []).push(f);
  }
  if (odd === null) return;
  const byUnit = new Map<string, Figure[]>();
  for (const f of odd) byUnit.set(f.unit!, [...(byUnit.get(f.unit!) ?? []), f]);
  const where = what();
  byUnit.forEach((list, stated) => {
    const factor = budgetFactor(stated, tableUnit);
    const shown = list.slice(0, LISTED).map((f) => {
      const as = quantityWords(figureWords(f.value ?? 0), stated);
      return factor === null || f.value === null ? as : joinWords([as, '=', quantityWords(figureWords(f.value * factor), tableUnit)]);
    });
    const more = list.length - LISTED;
    const figures = joinWords([joinWords(shown, ', '), ...(more > 0 ? [bi(`외 ${more}칸`, `and ${more} more`)] : [])]);
    const first = list[0];
    ctx.report({
      messageId: factor === null ? 'otherUnit' : 'otherMoneyUnit',
      at: first.ref,
      cells: list.map((f) => f.ref),
      expected: tableUnit,
      actual: stated,
      data: {
        what: where,
        stated: unitWords(stated),
        tableUnit: unitWords(tableUnit),
        figures,
        value: figureWords(first.value ?? 0),
        ...(factor !== null && first.value !== null ? { converted: first.value * factor } : {}),
      },
    });
  });
}

function seriesFigures(s: Series): Figure[] {
  const out = new Array<Figure>(s.years.length + 1);
  out[0] = s.total;
  for (let i = 0; i < s.years.length; i++) out[i + 1] = s.years[i];
  return out;
}

/** Does the series hold a figure stating a unit? (The common case, none, makes nothing.) */
function statesUnit(s: Series): boolean {
  if (s.total.unit !== undefined) return true;
  for (let i = 0; i < s.years.length; i++) if (s.years[i].unit !== undefined) return true;
  return false;
}

function checkPair(ctx: RuleContext, pair: { target: Series; budget: Series | null }, units: { target: string; budget: string }, head: Words, sub: string | null | undefined): void {
  const roles: Role[] = ['target', 'budget'];
  for (const role of roles) {
    const series = pair[role];
    if (!series || !statesUnit(series)) continue;
    checkFigures(ctx, seriesFigures(series), units[role], () => new SeriesRow(series, role, head, sub).what);
  }
}

export const valueUnit: Rule = {
  meta: {
    id: 'value-unit',
    defaultSeverity: 'error',
    description: { ko: '칸에 적힌 단위가 표의 단위와 같아야 합니다', en: "A unit written in a cell must be its table's unit" },
    docs: {
      ko: '성과목표·소요예산 칸이나 공통 일자리 목표 칸에 숫자와 함께 단위가 적혀 있고(예: "4,900억원", 또는 표시 형식 `#,##0"억원"`), 그 단위가 표의 단위(단위 줄 "(단위 : 명, 백만원)")와 다르면 오류입니다: 그 숫자는 표의 단위로 읽혀 합계와 비교되므로, 억원으로 적힌 예산은 백만원 표에서 100분의 1로 셈해집니다. 행마다(단위마다) 한 건으로 그 칸들을 밝힙니다. 천원·백만원·억원은 표의 단위로 환산한 값을 함께 보여 주지만(4,900억원 = 490,000백만원), 값을 바꾸지는 않습니다: 문서의 값이나 단위를 고쳐야 합니다. 표의 단위와 같은 단위(명 표의 "1,234명")는 문제가 아니며, 단위 줄이 그 단위를 밝히지 않은 표는 칸에 적힌 단위로 읽습니다.',
      en: 'A 성과목표/소요예산 or 공통 일자리 목표 cell that writes a unit with its figure (e.g. "4,900억원", or the number format `#,##0"억원"`) in another unit than its table\'s (the unit line "(단위 : 명, 백만원)") is an error: the figure is read in the table\'s unit and compared with the totals, so a budget written in hundred million KRW counts a hundred times too little in a million-KRW table. One finding per row (and unit), naming its cells. Thousand, million and hundred million KRW are also shown converted into the table\'s unit (4,900 hundred million KRW = 490,000 million KRW), but the value is never changed: the document\'s figure or unit is to be fixed. A cell in its table\'s own unit ("1,234명" in a table of people) is fine, and a table whose unit line does not state a unit is read in the unit its cells write.',
    },
    messages: {
      otherMoneyUnit: {
        ko: '{{what}}: 칸에 적힌 단위({{stated}})와 표의 단위({{tableUnit}})가 다릅니다 — {{figures}}; 적힌 숫자를 그대로 {{tableUnit}} 값으로 읽어 검증했으니 칸의 값이나 단위를 고치세요',
        en: '{{what}}: the unit written in the cell ({{stated}}) is not the table unit ({{tableUnit}}) — {{figures}}; the figures as written were read and checked as {{tableUnit}}, so fix the value or the unit',
      },
      otherUnit: {
        ko: '{{what}}: 칸에 적힌 단위({{stated}})와 표의 단위({{tableUnit}})가 다릅니다 — {{figures}}; 다른 것을 센 값이 표의 단위로 합산되니 칸의 값이나 단위를 고치세요',
        en: '{{what}}: the unit written in the cell ({{stated}}) is not the table unit ({{tableUnit}}) — {{figures}}; a count of something else is added up in the table unit, so fix the value or the unit',
      },
    },
    short: {
      otherMoneyUnit: { ko: '{{what}}: 칸에 적힌 단위({{stated}})가 표의 단위({{tableUnit}})와 다름', en: '{{what}}: cell unit ({{stated}}) is not the table unit ({{tableUnit}})' },
      otherUnit: { ko: '{{what}}: 칸에 적힌 단위({{stated}})가 표의 단위({{tableUnit}})와 다름', en: '{{what}}: cell unit ({{stated}}) is not the table unit ({{tableUnit}})' },
    },
  },
  check(ctx) {
    const { plan } = ctx;
    if (plan.grandTotal) checkPair(ctx, plan.grandTotal, plan.areaUnits, GRAND_TOTAL_WORDS, undefined);
    for (const a of plan.areas) checkPair(ctx, a, plan.areaUnits, a.name, undefined);
    for (const t of plan.tasks) {
      const units = { target: t.targetUnit, budget: t.budgetUnit };
      const label = taskLabel(t.no, t.name);
      if (t.total) checkPair(ctx, t.total, units, label, null);
      for (const s of t.subprojects) checkPair(ctx, s, units, label, s.name);
    }
    // Indicators: a row's figures in its unit (명 or %); one finding per indicator and stated unit.
    let figures: Figure[] = [];
    let current: (typeof plan.indicators)[number] | null = null;
    const flush = () => {
      if (current && figures.length) {
        const ind = current;
        checkFigures(ctx, figures, ind.unit, () => ind.name);
      }
      figures = [];
    };
    forEachIndicatorFigure(plan, (f, info) => {
      if (info.indicator !== current) {
        flush();
        current = info.indicator ?? null;
      }
      if (f.unit !== undefined) figures.push(f);
    });
    flush();
  },
};
