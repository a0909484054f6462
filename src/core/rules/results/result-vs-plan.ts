/**
 * 성과 ↔ 종합계획: the 실적 of a row linked to a 세부사업 (연계 실천과제 / 연계 세부사업 / 연도) compared
 * with that 세부사업's plan target for the year — from the 연차별 세부계획 of that year when the workbook
 * has one listing it, else from the 종합계획's year column. Achievement is information, not an error.
 */
import { figureTextWords, joinWords, quantityWords } from '../words';
import { qualified } from '../../grid/a1';
import type { CellRef, Figure, Plan } from '../../model/plan';
import { halfUnit, intervalOf, overlaps } from '../../numbers/interval';
import { itemPath, num, periodText, resolveLink, yearIndex, type PlanRow } from '../../results/link';
import { unitKey } from '../../results/model';
import type { Rule } from '../types';

const REASON: Record<string, [string, string]> = {
  taskNotFound: ['실천과제를 찾지 못함', '실천과제 not found'],
  subprojectNotFound: ['세부사업을 찾지 못함', '세부사업 not found'],
  ambiguous: ['같은 이름의 세부사업이 여러 실천과제에 있음: 연계 실천과제를 적으십시오', 'several 실천과제 have a 세부사업 of that name: give the 연계 실천과제'],
  noTotal: ['실천과제에 총계 행이 없음: 연계 세부사업을 적으십시오', 'the 실천과제 has no 총계 row: give the 연계 세부사업'],
};

interface PlanTarget {
  figure: Figure;
  unit: string;
  source: { ko: string; en: string };
}

/** The year's plan target of a resolved row: the 연차별 세부계획 row of that year when there is one. */
function planTarget(plan: Plan, row: PlanRow, year: number, i: number): PlanTarget {
  const annual = plan.annualPlan;
  if (annual && annual.year === year) {
    for (const a of annual.rows) {
      const r = resolveLink(plan, a.task || null, a.subproject || null);
      if (r.ok && r.row.task === row.task && r.row.subproject === row.subproject && a.target.state !== 'blank') {
        return { figure: a.target, unit: a.targetUnit, source: { ko: '연차별 세부계획', en: '연차별 세부계획 (year plan)' } };
      }
    }
  }
  return { figure: row.target.years[i], unit: row.task.targetUnit, source: { ko: '종합계획', en: '종합계획 (term plan)' } };
}

const q = (r: CellRef) => qualified(r.sheet, r.cell);

export const resultVsPlan: Rule = {
  meta: {
    id: 'result-vs-plan',
    defaultSeverity: 'info',
    description: { ko: '연계 세부사업의 실적을 그 해 계획 목표와 대조합니다', en: 'Compares the 실적 of a linked 세부사업 with its plan target for the year' },
    docs: {
      ko: '성과 시트에서 연계 실천과제·연계 세부사업이 적힌 행의 실적을, 같은 통합문서의 계획에서 그 해(연도 열, 비면 실적연도) 목표와 비교해 달성률과 함께 정보로 알립니다(목표 미달·달성·초과). 그 해의 연차별 세부계획에 그 세부사업이 있으면 그 목표를, 없으면 종합계획의 연도 열을 씁니다. 성과 행에 목표가 따로 적혀 있고 계획 목표와 다르면 그것도 알립니다. 연계 대상을 찾지 못했거나, 연도가 계획기간 밖이거나, 단위가 달라 비교할 수 없으면 경고입니다.',
      en: 'For each 성과 row with a 연계 실천과제/세부사업, compares its 실적 with the plan target for that year (the 연도 column, else the sheet\'s 실적연도) and reports the achievement rate as info (below, met, above). The target comes from that year\'s 연차별 세부계획 when it lists the 세부사업, else from the 종합계획 year column. A 목표 stated on the 성과 row that differs from the plan\'s is reported too. A link that matches nothing, a year outside the plan period, or different units (no comparison possible) are warnings.',
    },
    messages: {
      below: {
        ko: '{{what}} 실적 {{actual}} ({{cell}}): {{source}} {{year}}년 목표 {{target}} ({{targetCell}}) 대비 {{rate}}% — 목표 미달 ({{difference}})',
        en: '{{what}} actual {{actual}} ({{cell}}): {{rate}}% of the {{sourceEn}} {{year}} target {{target}} ({{targetCell}}) — below target ({{difference}})',
      },
      met: {
        ko: '{{what}} 실적 {{actual}} ({{cell}}): {{source}} {{year}}년 목표 {{target}} ({{targetCell}}) 대비 {{rate}}% — 목표 달성',
        en: '{{what}} actual {{actual}} ({{cell}}): {{rate}}% of the {{sourceEn}} {{year}} target {{target}} ({{targetCell}}) — target met',
      },
      above: {
        ko: '{{what}} 실적 {{actual}} ({{cell}}): {{source}} {{year}}년 목표 {{target}} ({{targetCell}}) 대비 {{rate}}% — 목표 초과 ({{difference}})',
        en: '{{what}} actual {{actual}} ({{cell}}): {{rate}}% of the {{sourceEn}} {{year}} target {{target}} ({{targetCell}}) — above target ({{difference}})',
      },
      noTarget: {
        ko: '{{what}} 실적 {{actual}} ({{cell}}): {{source}} {{year}}년 목표({{targetCell}})가 없거나 0이라 달성률을 계산할 수 없습니다',
        en: '{{what}} actual {{actual}} ({{cell}}): the {{sourceEn}} {{year}} target ({{targetCell}}) is blank or 0, so no rate can be computed',
      },
      statedTargetDiffers: {
        ko: '{{what}}: 성과 시트의 목표 {{stated}} ({{cell}}) ≠ {{source}} {{year}}년 목표 {{target}} ({{targetCell}})',
        en: '{{what}}: target {{stated}} on the 성과 sheet ({{cell}}) ≠ the {{sourceEn}} {{year}} target {{target}} ({{targetCell}})',
      },
      unitDiffers: {
        ko: '{{what}}: 실적 단위 "{{unit}}" ({{cell}})와 {{target}}의 목표 단위 "{{planUnit}}"가 달라 비교하지 않았습니다',
        en: '{{what}}: actual unit "{{unit}}" ({{cell}}) differs from the target unit "{{planUnit}}" of {{target}}: not compared',
      },
      linkNotFound: {
        ko: '{{what}}: 연계 {{link}} ({{cells}})을 종합계획에서 찾지 못했습니다 — {{reason}}',
        en: '{{what}}: link {{link}} ({{cells}}) not found in the 종합계획 — {{reasonEn}}',
      },
      yearOutside: {
        ko: '{{what}}: 연도 {{year}}년 ({{cell}})이 종합계획 기간 {{period}} 밖이라 대조하지 않았습니다',
        en: '{{what}}: year {{year}} ({{cell}}) lies outside the plan period {{period}}: not compared',
      },
      noYear: {
        ko: '{{what}}: 연도도 실적연도도 없어 계획과 대조하지 않았습니다 ({{cell}})',
        en: '{{what}}: neither a year ("연도") nor the sheet\'s results year ("실적연도") is given: not compared with the plan ({{cell}})',
      },
      noPlan: {
        ko: '연계 세부사업이 적힌 성과 항목이 {{count}}개 있지만 이 통합문서에 종합계획 실천과제 표가 없어 계획 목표와 대조하지 않았습니다 ({{cells}})',
        en: '{{count}} 성과 rows name a linked 세부사업, but this workbook has no 종합계획 실천과제 tables: not compared with plan targets ({{cells}})',
      },
    },
  },
  check(ctx) {
    const { plan } = ctx;
    const results = plan.results;
    if (!results) return;
    const linked = results.items.filter((x) => x.link !== null);
    if (linked.length === 0) return;
    if (plan.tasks.length === 0) {
      ctx.report({
        messageId: 'noPlan',
        at: linked[0].link!.subprojectRef ?? linked[0].link!.taskRef ?? linked[0].label,
        cells: linked.map((x) => x.link!.subprojectRef ?? x.link!.taskRef ?? x.label),
        data: { count: linked.length, cells: linked.map((x) => (x.link!.subprojectRef ?? x.link!.taskRef ?? x.label).cell).join(', ') },
      });
      return;
    }
    for (const item of linked) {
      const link = item.link!;
      const what = `${results.sheet} · ${itemPath(results, item)}`;
      const linkRefs = [link.taskRef, link.subprojectRef].filter((r): r is CellRef => r !== null);
      const resolved = resolveLink(plan, link.task, link.subproject);
      if (!resolved.ok) {
        const [reason, reasonEn] = REASON[resolved.reason];
        ctx.report({
          messageId: 'linkNotFound',
          severity: 'warning',
          at: linkRefs[0],
          cells: linkRefs,
          actual: [link.task, link.subproject].filter((x) => x).join(' · '),
          data: { what, link: [link.task, link.subproject].filter((x) => x).join(' · '), cells: linkRefs.map((r) => r.cell).join(', '), reason, reasonEn },
        });
        continue;
      }
      const row = resolved.row;
      if (item.year === null) {
        ctx.report({ messageId: 'noYear', severity: 'warning', at: item.label, cells: [item.label, ...linkRefs], data: { what, cell: item.label.cell } });
        continue;
      }
      const i = yearIndex(plan, item.year);
      if (i === null || i >= row.target.years.length) {
        const yr = item.yearRef ?? item.label;
        ctx.report({ messageId: 'yearOutside', severity: 'warning', at: yr, cells: [yr, ...linkRefs], actual: item.year, data: { what, year: item.year, cell: q(yr), period: periodText(plan) } });
        continue;
      }
      const pt = planTarget(plan, row, item.year, i);
      const base = { what, year: item.year, source: pt.source.ko, sourceEn: pt.source.en, targetCell: q(pt.figure.ref) };
      if (item.unit !== '' && unitKey(item.unit) !== unitKey(pt.unit)) {
        ctx.report({
          messageId: 'unitDiffers',
          severity: 'warning',
          at: item.unitRef ?? item.actual.ref,
          cells: [item.unitRef ?? item.actual.ref, pt.figure.ref],
          expected: pt.unit,
          actual: item.unit,
          data: { what, unit: item.unit, cell: (item.unitRef ?? item.actual.ref).cell, planUnit: pt.unit, target: row.what },
        });
        continue;
      }
      const unit = pt.unit;
      const p = pt.figure.value;
      if (item.target && item.target.value !== null && p !== null) {
        const same = overlaps(intervalOf(item.target.value, halfUnit(item.target.decimals)), intervalOf(p, halfUnit(pt.figure.decimals)));
        if (!same) {
          ctx.report({
            messageId: 'statedTargetDiffers',
            at: item.target.ref,
            cells: [item.target.ref, pt.figure.ref],
            expected: p,
            actual: item.target.value,
            data: { ...base, stated: quantityWords(figureTextWords(num(item.target.value)), unit), cell: item.target.ref.cell, target: quantityWords(figureTextWords(num(p)), unit) },
          });
        }
      }
      const a = item.actual.value;
      if (a === null) continue;
      const data = { ...base, actual: quantityWords(figureTextWords(num(a)), unit), cell: item.actual.ref.cell };
      if (p === null || p === 0) {
        ctx.report({ messageId: 'noTarget', at: item.actual.ref, cells: [item.actual.ref, pt.figure.ref], expected: p, actual: a, data });
        continue;
      }
      const rate = Math.round((a / p) * 1000) / 10;
      const met = overlaps(intervalOf(a, halfUnit(item.actual.decimals)), intervalOf(p, halfUnit(pt.figure.decimals)));
      const diff = a - p;
      ctx.report({
        messageId: met ? 'met' : diff < 0 ? 'below' : 'above',
        at: item.actual.ref,
        cells: [item.actual.ref, pt.figure.ref],
        expected: p,
        actual: a,
        data: { ...data, target: quantityWords(figureTextWords(num(p)), unit), rate: rate.toFixed(1), difference: quantityWords(joinWords([diff > 0 ? '+' : '', figureTextWords(num(diff))], ''), unit) },
      });
    }
  },
};
