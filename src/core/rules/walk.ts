/** Walks every series of a plan with a readable description of where it is (used by several rules). */
import type { Plan, Series } from '../model/plan';
import { circledNumber } from '../template/description';

export type Role = 'target' | 'budget';
export const ROLE_KO: Record<Role, string> = { target: '성과목표', budget: '소요예산' };

export function taskLabel(no: number, name: string): string {
  return `${circledNumber(no)} ${name}`;
}

/** Calls `fn` for each series (grand total, areas, task totals, 세부사업), targets and budgets. */
export function forEachSeries(plan: Plan, fn: (series: Series, what: string, role: Role) => void): void {
  const both = (pair: { target: Series; budget: Series | null }, where: string) => {
    fn(pair.target, `${where} ${ROLE_KO.target}`, 'target');
    if (pair.budget) fn(pair.budget, `${where} ${ROLE_KO.budget}`, 'budget');
  };
  if (plan.grandTotal) both(plan.grandTotal, '분야별 목표 합계');
  for (const a of plan.areas) both(a, a.name);
  for (const t of plan.tasks) {
    const label = taskLabel(t.no, t.name);
    if (t.total) both(t.total, `${label} 총계`);
    for (const s of t.subprojects) both(s, `${label} · ${s.name}`);
  }
}

export function yearLabel(plan: Plan, i: number): string {
  return `${plan.period.startYear + i}년`;
}
