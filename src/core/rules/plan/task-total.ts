/** 실천과제 총계 = Σ its 세부사업, per year and in 합계, for targets and budgets. */
import { checkSeriesSum, subprojectSumsHold, sumMessages, sumShorts, type SeriesPart } from '../series-sum';
import type { Task } from '../../model/plan';
import type { Rule, RuleContext } from '../types';
import { taskLabel, type Role } from '../walk';
import { ROLE_WORDS, joinWords } from '../words';

export const taskTotal: Rule = {
  meta: {
    id: 'task-total',
    defaultSeverity: 'error',
    description: { ko: '실천과제 총계는 세부사업의 합이어야 합니다', en: "A 실천과제's 총계 row must equal the sum of its 세부사업" },
    docs: {
      ko: '총계 행이 있는 실천과제마다 성과목표·소요예산의 합계 열과 연도별 열을 세부사업 행의 합과 비교합니다(같은 표이므로 단위 환산 없음). 세부사업을 묶은 소계 행은 세지 않습니다(task-subtotal 참고). 빈 칸은 0으로 셉니다. 반올림 구간 안의 차이는 경고, 밖의 차이는 오류입니다.',
      en: 'For every 실천과제 with a 총계 row, compares its 성과목표 and 소요예산 (합계 and each year) with the sum of its 세부사업 rows (same table, so no unit conversion); 소계 rows grouping 세부사업 are not counted (see task-subtotal). Blank cells count as 0. A difference inside the rounding band is a warning, outside it an error.',
    },
    messages: sumMessages({ ko: '총계', en: 'total' }, { ko: '세부사업 합', en: 'sum of sub-projects' }),
    short: sumShorts({ ko: '총계', en: 'total' }, { ko: '세부사업 합', en: 'sum of sub-projects' }),
  },
  check(ctx) {
    checkTasks(ctx, ctx.plan.tasks);
  },
};

const ROLES: readonly Role[] = ['target', 'budget'];

/**
 * Each task with a 총계 row, per role. The loop sits in a function of its own (see seriesFacts in walk.ts).
 * Most totals add up: those are found on the 세부사업 themselves (subprojectSumsHold), and the list of parts
 * checkSeriesSum reports from is made only for a total that does not.
 */
function checkTasks(ctx: RuleContext, tasks: readonly Task[]): void {
  for (let k = 0; k < tasks.length; k++) {
    const task = tasks[k];
    if (!task.total) continue;
    for (let r = 0; r < ROLES.length; r++) {
      const role = ROLES[r];
      const subprojects = task.subprojects;
      if (subprojectSumsHold(ctx.plan.period.years, task.total[role], subprojects, role)) continue;
      // Made at its length and filled in a loop: one kind of list whichever tier of V8 runs this.
      const parts = new Array<SeriesPart>(subprojects.length);
      for (let i = 0; i < subprojects.length; i++) parts[i] = { series: subprojects[i][role], name: subprojects[i].name };
      checkSeriesSum(ctx, task.total[role], parts, joinWords([taskLabel(task.no, task.name), ROLE_WORDS[role]]));
    }
  }
}
