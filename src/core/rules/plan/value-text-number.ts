/**
 * Numbers stored as text ("9,454", "△12", "12.5%"): one finding per table, listing its cells, so a
 * plan pasted as text does not bury its real mismatches under hundreds of warnings.
 */
import type { Figure, Plan } from '../../model/plan';
import type { Rule } from '../types';
import { columnsOf, figureCensus, forEachFigure, taskLabel } from '../walk';
import { bi, figureWords, type Words } from '../words';

interface TableFigures {
  table: string;
  tableEn: string;
  figures: Figure[];
}

/** Every figure of the plan, grouped by the table it sits in. */
function byTable(plan: Plan): TableFigures[] {
  const out: TableFigures[] = [];
  const series = (s: { target: { total: Figure; years: Figure[] }; budget: { total: Figure; years: Figure[] } | null }) =>
    [s.target, ...(s.budget ? [s.budget] : [])].flatMap((x) => columnsOf(plan, x).map((c) => c.figure));
  out.push({
    table: '공통 일자리 목표',
    tableEn: '공통 일자리 목표',
    figures: plan.indicators.flatMap((i) => [...(i.lastActual ? [i.lastActual] : []), i.base, ...i.targets, ...(i.statedChange ? [i.statedChange] : [])]),
  });
  out.push({ table: '분야별 목표', tableEn: '분야별 목표', figures: [...(plan.grandTotal ? series(plan.grandTotal) : []), ...plan.areas.flatMap(series)] });
  for (const t of plan.tasks) {
    out.push({ table: `${taskLabel(t.no, t.name)} 연차별 추진계획`, tableEn: `task ${t.no} (${t.name})`, figures: [...(t.total ? series(t.total) : []), ...t.subprojects.flatMap(series), ...(t.subtotals ?? []).flatMap(series)] });
  }
  return out.map((t) => ({ ...t, figures: t.figures.filter((f) => !f.missing) }));
}

/** The table's name in each language ("① … 연차별 추진계획" / "task 1 (…)"). */
function tableWords(t: TableFigures): Words {
  return t.table === t.tableEn ? t.table : bi(t.table, t.tableEn);
}

export const valueTextNumber: Rule = {
  meta: {
    id: 'value-text-number',
    defaultSeverity: 'warning',
    description: { ko: '숫자가 텍스트로 저장되어 있습니다', en: 'A number is stored as text' },
    docs: {
      ko: '숫자가 텍스트로 입력된 칸(예: "9,454", "△12", "12.5%")을 표마다 한 건으로 모아 그 칸들을 밝힙니다. 검증은 읽은 숫자로 하지만, Excel의 SUM은 텍스트를 건너뛰므로 표의 합계 수식이 틀어질 수 있습니다: 그런 수식이 0으로 계산되어 있으면 그 이유로 함께 알립니다.',
      en: 'Cells holding a number as text (e.g. "9,454", "△12", "12.5%") are reported once per table, listing the cells. Validation uses the number read from them, but Excel\'s SUM skips text, so the table\'s own total formulas may be off: a formula in the table that Excel calculated as 0 is named as the reason.',
    },
    messages: {
      textNumber: {
        ko: '{{what}}: 텍스트로 저장된 숫자 "{{raw}}" (값 {{value}}; Excel 합계 수식에서 빠질 수 있음)',
        en: '{{what}}: the number {{value}} is stored as text "{{raw}}" (Excel SUM formulas may skip it)',
      },
      textNumbers: {
        ko: '{{table}}: 텍스트로 저장된 숫자 {{count}}칸 ({{cells}}) — 검증은 읽은 숫자로 했지만 Excel 합계 수식에서는 빠집니다{{formulaNote}}',
        en: '{{table}}: {{count}} numbers stored as text ({{cellsEn}}) — checked with the numbers read, but Excel SUM formulas skip them{{formulaNoteEn}}',
      },
    },
  },
  check(ctx) {
    // Most plans have no number stored as text: nothing to group then.
    if (!figureCensus(ctx.plan).states.has('text-number')) return;
    const what = new Map<Figure, Words>();
    forEachFigure(ctx.plan, (f, info) => f.state === 'text-number' && what.set(f, info.what));
    if (what.size === 0) return;
    for (const t of byTable(ctx.plan)) {
      const text = t.figures.filter((f) => f.state === 'text-number');
      if (text.length === 0) continue;
      const [first] = text;
      if (text.length === 1) {
        ctx.report({ messageId: 'textNumber', at: first.ref, expected: first.value, actual: String(first.raw), data: { what: what.get(first) ?? tableWords(t), raw: String(first.raw), value: figureWords(first.value ?? 0) } });
        continue;
      }
      // A SUM over text numbers that Excel shows as 0: the reason its total looks wrong.
      const zeroSums = t.figures.filter((f) => f.formula && f.raw === 0);
      const shown = text.slice(0, 8).map((f) => f.ref.cell).join(', ') + (text.length > 8 ? ` 외 ${text.length - 8}칸` : '');
      const shownEn = text.slice(0, 8).map((f) => f.ref.cell).join(', ') + (text.length > 8 ? ` and ${text.length - 8} more` : '');
      ctx.report({
        messageId: 'textNumbers',
        at: first.ref,
        cells: text.map((f) => f.ref),
        expected: null,
        actual: text.length,
        data: {
          table: tableWords(t),
          count: String(text.length),
          cells: shown,
          formulaNote: zeroSums.length ? `; 수식 ${zeroSums.map((f) => `${f.ref.cell}(=${f.formula})`).join(', ')}이 이 칸들을 건너뛰어 0으로 계산되어 있습니다` : '',
          formulaNoteEn: zeroSums.length ? `; formula ${zeroSums.map((f) => `${f.ref.cell} (=${f.formula})`).join(', ')} skips these cells and shows 0` : '',
          cellsEn: shownEn,
        },
      });
    }
  },
};
