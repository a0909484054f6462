/** 성과: parts counted in different units (명 with 개社) summed into one figure. */
import { figureTextWords, joinWords, quantityWords } from '../words';
import { isBudgetUnit } from '../../model/units';
import { itemPath, num } from '../../results/link';
import { unitKey, type ResultItem } from '../../results/model';
import type { Rule } from '../types';

/** Units that can stand in one sum: the same unit, or money units (converted). */
function sameKind(a: string, b: string): boolean {
  return unitKey(a) === unitKey(b) || (isBudgetUnit(a) && isBudgetUnit(b));
}

export const resultUnits: Rule = {
  meta: {
    id: 'result-units',
    defaultSeverity: 'warning',
    description: { ko: '단위가 다른 내역을 한 실적으로 합하지 않아야 합니다', en: 'Parts in different units must not be summed into one 실적' },
    docs: {
      ko: '성과 시트에서 실적이 적힌 항목의 내역(하위 항목) 중 단위가 그 항목과 다른 것이 있으면(예: 수혜인원 명 안에 소상공인 컨설팅 개社) 서로 다른 것을 세어 더한 것이므로 경고합니다. 단위가 빈 행은 상위 항목의 단위를 따르고, 천원·백만원·억원은 서로 환산되므로 혼합으로 보지 않습니다.',
      en: 'On the 성과 sheet, when an item that states a 실적 has parts in another unit (e.g. 수혜인원 in 명 with a 소상공인 컨설팅 part in 개社), different things are added up: warning. A row with a blank unit takes its parent\'s unit; 천원/백만원/억원 convert and are not a mix.',
    },
    messages: {
      mixed: {
        ko: '{{what}} {{total}} ({{cell}})에 단위가 다른 내역이 합산됩니다: {{parts}}',
        en: '{{what}} {{total}} ({{cell}}) adds up parts in other units: {{parts}}',
      },
    },
    short: {
      mixed: { ko: '{{what}}: {{total}} ({{cell}})에 단위가 다른 내역이 합산됨', en: '{{what}}: {{total}} ({{cell}}) adds up parts in other units' },
    },
  },
  check(ctx) {
    const results = ctx.plan.results;
    if (!results) return;
    for (const item of results.items) {
      if (item.children.length === 0 || item.actual.value === null) continue;
      const parts = item.children.map((i) => results.items[i]).filter((p) => p.actual.state !== 'blank' || (p.target !== null && p.target.state !== 'blank'));
      const reference = item.unit !== '' ? item.unit : (parts.find((p) => p.unit !== '')?.unit ?? '');
      if (reference === '') continue;
      const odd = parts.filter((p) => p.unit !== '' && !sameKind(p.unit, reference));
      if (odd.length === 0) continue;
      const show = (p: ResultItem) => joinWords([p.name, p.actual.ref.cell, quantityWords(p.actual.value === null ? String(p.actual.raw ?? '') : figureTextWords(num(p.actual.value)), p.unit)]);
      ctx.report({
        messageId: 'mixed',
        at: item.actual.ref,
        cells: [item.actual.ref, ...(item.unitRef ? [item.unitRef] : []), ...odd.flatMap((p) => [p.actual.ref, ...(p.unitRef ? [p.unitRef] : [])])],
        expected: reference,
        actual: [...new Set(odd.map((p) => p.unit))].join(', '),
        data: { what: `${results.sheet} · ${itemPath(results, item)}`, total: quantityWords(figureTextWords(num(item.actual.value)), item.unit), cell: item.actual.ref.cell, parts: joinWords(odd.map(show), ', ') },
      });
    }
  },
};
