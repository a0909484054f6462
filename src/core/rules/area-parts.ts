/** The parts of a strategy area's figures: its tasks' rows, budgets converted into the area table's unit. */
import type { Plan, Task } from '../model/plan';
import { budgetFactor } from '../model/units';
import type { SeriesPart } from './series-sum';
import { taskRows, type Role } from './walk';

/** Factor from a task's budget unit into the 분야별 목표 budget unit; null when either unit is unknown. */
export function taskBudgetFactor(plan: Plan, task: Task): number | null {
  return budgetFactor(task.budgetUnit, plan.areaUnits.budget);
}

/**
 * Every row that stands for the given tasks in their area (see taskRows). Targets are taken as stated
 * (target units never convert; mixed-units warns when they differ). Null when a budget cannot be converted.
 */
export function areaTaskRows(plan: Plan, tasks: Task[], role: Role): SeriesPart[] | null {
  const parts: SeriesPart[] = [];
  for (const task of tasks) {
    const factor = role === 'budget' ? taskBudgetFactor(plan, task) : 1;
    if (factor === null) return null;
    for (const row of taskRows(task, role)) parts.push(factor === 1 ? row : { ...row, factor });
  }
  return parts;
}
