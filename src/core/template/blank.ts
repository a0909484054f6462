/** The blank template as a draft: names to fill in, empty figures, totals left to formulas. */
import type { DraftSeries, PlanDraft } from '../model/draft';
import { DEFAULT_PERIOD, type PlanPeriod } from '../model/period';
import { DEFAULT_SETTINGS } from '../model/plan';
import { TEMPLATE } from './description';

export interface BlankOptions {
  period?: PlanPeriod;
  areas?: number;
  tasksPerArea?: number;
  subprojectsPerTask?: number;
  region?: string;
  term?: number | null;
}

const emptySeries = (years: number): DraftSeries => ({ total: null, years: Array(years).fill(null) });

export function blankDraft(o: BlankOptions = {}): PlanDraft {
  const period = o.period ?? DEFAULT_PERIOD;
  const n = period.years;
  const areaCount = o.areas ?? 5;
  const perArea = o.tasksPerArea ?? 1;
  const subs = o.subprojectsPerTask ?? 3;
  const areas = Array.from({ length: areaCount }, (_, i) => ({
    name: `전략분야 ${i + 1}`,
    excludedFromBudgetTotal: false,
    target: emptySeries(n),
    budget: emptySeries(n),
  }));
  let no = 0;
  const tasks = areas.flatMap((area) =>
    Array.from({ length: perArea }, () => {
      no += 1;
      return {
        no,
        name: `실천과제 ${no}`,
        area: area.name,
        targetUnit: '명',
        budgetUnit: '백만원',
        total: { target: emptySeries(n), budget: emptySeries(n) },
        subprojects: Array.from({ length: subs }, (_, k) => ({ name: `세부사업 ${no}-${k + 1}`, target: emptySeries(n), budget: emptySeries(n) })),
      };
    }),
  );
  return {
    meta: { region: o.region ?? '', term: o.term ?? null, preparedDate: null, title: `일자리대책 종합계획 (${period.startYear}~${period.startYear + n - 1})` },
    period,
    settings: { ...DEFAULT_SETTINGS },
    indicators: TEMPLATE.indicators.defaults.map((d) => ({
      name: d.name,
      kind: d.kind,
      lastActual: null,
      base: null,
      targets: Array(n).fill(null),
      statedChange: null,
    })),
    areaUnits: { target: '명', budget: '백만원' },
    grandTotal: { target: emptySeries(n), budget: emptySeries(n) },
    areas,
    tasks,
  };
}
