/** Plausibility of a 세부사업 row pair at 합계 level: money without a target, or a target without money. */
import { figureWords, quantityWords } from './words';
import type { Figure } from '../model/plan';
import { fmt } from './sums';
import type { RuleContext } from './types';
import { oneSidedSubprojects, taskLabel, type Role } from './walk';

/**
 * Reports each 세부사업 whose `present` row has a positive 합계 while its other row's 합계 is 0 ("-").
 * A blank or unreadable 합계 is left to the value rules. Reported at the zero cell.
 */
export function checkOneSided(ctx: RuleContext, present: Role, messageId: string): void {
  if (!oneSidedSubprojects(ctx.plan)[present]) return; // most plans have none: no walk over the 세부사업
  const missing: Role = present === 'budget' ? 'target' : 'budget';
  for (const task of ctx.plan.tasks) {
    const units: Record<Role, string> = { target: task.targetUnit, budget: task.budgetUnit };
    for (const sp of task.subprojects) {
      const has: Figure = sp[present].total;
      const lacks: Figure = sp[missing].total;
      if (has.value === null || has.value <= 0 || lacks.value !== 0) continue;
      ctx.report({
        messageId,
        at: lacks.ref,
        cells: [lacks.ref, has.ref],
        expected: null,
        actual: lacks.value,
        data: {
          what: `${taskLabel(task.no, task.name)} · ${sp.name}`,
          amount: quantityWords(figureWords(has.value), units[present]),
        },
      });
    }
  }
}
