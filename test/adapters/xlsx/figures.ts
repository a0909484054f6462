/** Test helpers: every figure of a plan under a key that survives drift (names compared by nameKey). */
import type { Figure, Plan, Series } from '../../../src/core/model/plan';
import { nameKey } from '../../../src/core/template/description';

export function planFigures(plan: Plan): Map<string, Figure> {
  const m = new Map<string, Figure>();
  const series = (key: string, s: Series | null | undefined) => {
    if (!s) return;
    m.set(`${key}:합계`, s.total);
    s.years.forEach((f, i) => m.set(`${key}:${plan.period.startYear + i}`, f));
  };
  for (const ind of plan.indicators) {
    const k = `지표:${nameKey(ind.name)}`;
    if (ind.lastActual) m.set(`${k}:실적`, ind.lastActual);
    m.set(`${k}:기준`, ind.base);
    ind.targets.forEach((f, i) => m.set(`${k}:${plan.period.startYear + i}`, f));
    if (ind.statedChange) m.set(`${k}:증감`, ind.statedChange);
  }
  if (plan.grandTotal) {
    series('합계:성과목표', plan.grandTotal.target);
    series('합계:소요예산', plan.grandTotal.budget);
  }
  for (const a of plan.areas) {
    series(`분야:${nameKey(a.name)}:성과목표`, a.target);
    series(`분야:${nameKey(a.name)}:소요예산`, a.budget);
  }
  for (const t of plan.tasks) {
    if (t.total) {
      series(`과제${t.no}:총계:성과목표`, t.total.target);
      series(`과제${t.no}:총계:소요예산`, t.total.budget);
    }
    for (const sp of t.subprojects) {
      series(`과제${t.no}:${nameKey(sp.name)}:성과목표`, sp.target);
      series(`과제${t.no}:${nameKey(sp.name)}:소요예산`, sp.budget);
    }
  }
  return m;
}
