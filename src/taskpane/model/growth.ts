/**
 * Rows of the 성장률 panel: for each 공통 일자리 목표 indicator of the last validated plan, its base, final
 * target, computed change, the plan's required change, the verdict, per-year steps, and the target path that
 * would meet the requirement. Pure: the component only renders these.
 */
import { assessRequiredChange, judgedDecimals, targetPath, yearSteps, type AssessmentStatus, type Interval } from '../../core/growth';
import type { IndicatorKind } from '../../core/model/draft';
import { planYears } from '../../core/model/period';
import type { CellRef, Figure, Indicator, Plan } from '../../core/model/plan';

export interface GrowthRow {
  /** Index into plan.indicators. */
  index: number;
  name: string;
  kind: IndicatorKind;
  unit: string;
  /** Decimal places the figures are shown with (rates 1, counts 0 unless the cells say otherwise). */
  decimals: number;
  base: number | null;
  baseRef: CellRef;
  years: number[];
  targets: (number | null)[];
  targetRefs: CellRef[];
  final: number | null;
  change: number | null;
  interval: Interval | null;
  /** %p for rates, % for counts (plan.settings). */
  required: number;
  status: AssessmentStatus;
  /** Change of each year vs the year before (the first vs the base). */
  steps: (number | null)[];
  /** Yearly targets that meet the requirement from the base; null when no path exists (no base, count base ≤ 0). */
  path: number[] | null;
  /** The final target the requirement asks for (the path's last year); null without a path. */
  requiredFinal: number | null;
  /**
   * What 목표 경로로 채우기 would write: only for an indicator that falls short of its requirement, and only
   * the years whose stated target is below the path (or empty), raised to the path. A target that is
   * already higher stays: the fill never lowers a target.
   */
  changes: TargetChange[];
}

export interface TargetChange {
  year: number;
  ref: CellRef;
  from: number | null;
  /** The cell's formula before the fill (restored by 되돌리기). */
  fromFormula?: string;
  to: number;
}

function figureDecimals(kind: IndicatorKind, figures: (Figure | null | undefined)[]): number {
  const fallback = kind === 'rate' ? 1 : 0;
  const ds = figures.filter((f): f is Figure => !!f && f.value !== null).map((f) => f.decimals);
  return Math.max(fallback, ...ds);
}

export function growthRow(plan: Plan, indicator: Indicator, index: number): GrowthRow {
  const { kind } = indicator;
  const years = planYears(plan.period);
  const targets = years.map((_, i) => indicator.targets[i]?.value ?? null);
  const targetRefs = indicator.targets.slice(0, years.length).map((t) => t.ref);
  const base = indicator.base.value;
  const final = targets.length ? targets[targets.length - 1] : null;
  const decimals = figureDecimals(kind, [indicator.base, ...indicator.targets]);
  const required = kind === 'rate' ? plan.settings.requiredRateChange : plan.settings.requiredCountChange;
  // Judged as the rules judge it (indicator-required-change): base and final target each at their own places.
  const judged = judgedDecimals(indicator.base.decimals, indicator.targets[years.length - 1]?.decimals ?? 0);
  const a = assessRequiredChange(kind, base, final, required, judged.base, judged.final);
  let path: number[] | null = null;
  try {
    if (base !== null && targetRefs.length === years.length) {
      path = targetPath(kind, base, required, years.length, { decimals });
    }
  } catch {
    path = null;
  }
  const changes: TargetChange[] =
    path && a.status !== 'met'
      ? path
          .map((to, i) => {
            const f = indicator.targets[i];
            const c: TargetChange = { year: years[i], ref: targetRefs[i], from: targets[i], to };
            if (f?.formula) c.fromFormula = f.formula;
            return c;
          })
          .filter((c) => c.from === null || c.from < c.to)
      : [];
  return {
    index,
    name: indicator.name,
    kind,
    unit: indicator.unit || (kind === 'rate' ? '%' : '명'),
    decimals,
    base,
    baseRef: indicator.base.ref,
    years,
    targets,
    targetRefs,
    final,
    change: a.change,
    interval: a.interval,
    required,
    status: a.status,
    steps: yearSteps(kind, base, targets),
    path,
    requiredFinal: path ? path[path.length - 1] : null,
    changes,
  };
}

export function growthRows(plan: Plan | null | undefined): GrowthRow[] {
  if (!plan) return [];
  return plan.indicators.map((ind, i) => growthRow(plan, ind, i));
}
