/** A 실천과제 table's 소계 = Σ the 세부사업 of its group, per year and in 합계, for targets and budgets. */
import { checkSeriesSum, subprojectSumsHold, sumMessages, sumShorts, type SeriesPart } from '../series-sum';
import type { SubProject, Subtotal, Task } from '../../model/plan';
import type { Rule, RuleContext } from '../types';
import { taskLabel, type Role } from '../walk';
import { ROLE_WORDS, joinWords } from '../words';

export const taskSubtotal: Rule = {
  meta: {
    id: 'task-subtotal',
    defaultSeverity: 'error',
    description: { ko: '실천과제 표의 소계는 그 묶음 세부사업의 합이어야 합니다', en: "A 소계 row of a 실천과제 table must equal the sum of its group's 세부사업" },
    docs: {
      ko: '실천과제 표가 세부사업을 묶어 소계 행(`소계`, `소 계`, `소계(…)`, `중계`)을 둔 경우, 각 소계의 성과목표·소요예산(합계와 연도별)을 그 묶음 세부사업 행의 합과 비교합니다. 묶음은 소계가 묶음 아래에 있는 표(대부분)에서는 앞 소계(또는 표의 처음) 다음부터 그 소계까지, 총계 바로 다음 행이 소계여서 소계가 묶음 위에 있는 표에서는 그 소계부터 다음 소계(또는 표의 끝)까지의 세부사업입니다. 묶음 가운데 소계 쪽에 붙은 일부 세부사업만의 합이 소계와 두 행 모두 같으면, 나머지는 묶이지 않은 세부사업으로 봅니다. 소계 행은 세부사업으로 세지 않으므로 총계(task-total)나 전략분야(area-total)의 합에 들어가지 않습니다. 빈 칸은 0으로 셉니다. 반올림 구간 안의 차이는 경고, 밖의 차이는 오류입니다.',
      en: "When a 실천과제 table groups its 세부사업 under 소계 rows (`소계`, `소 계`, `소계(…)`, `중계`), compares each 소계's 성과목표 and 소요예산 (합계 and each year) with the sum of its group's 세부사업 rows. The group is, in a table whose 소계 follow their groups (most do), the 세부사업 after the previous 소계 (or from the table's start) up to the 소계; in a table whose 소계 head them (the row after the 총계 is a 소계), those from the 소계 up to the next one (or the table's end). When the sum of only those next to the 소계 equals it in both rows, the others are 세부사업 outside any group. 소계 rows are not counted as 세부사업: they are no part of the 총계's sum (task-total) nor of the area's (area-total). Blank cells count as 0. A difference inside the rounding band is a warning, outside it an error.",
    },
    messages: sumMessages({ ko: '소계', en: 'subtotal' }, { ko: '세부사업 합', en: 'sum of its sub-projects' }),
    short: sumShorts({ ko: '소계', en: 'subtotal' }, { ko: '세부사업 합', en: 'sum of its sub-projects' }),
  },
  check(ctx) {
    const tasks = ctx.plan.tasks;
    for (let k = 0; k < tasks.length; k++) {
      const subtotals = tasks[k].subtotals;
      if (subtotals !== undefined) for (let i = 0; i < subtotals.length; i++) checkSubtotal(ctx, tasks[k], subtotals[i]);
    }
  },
};

const ROLES: readonly Role[] = ['target', 'budget'];

function checkSubtotal(ctx: RuleContext, task: Task, s: Subtotal): void {
  if (s.count === 0) return; // no 세부사업 between two 소계: nothing it could be the sum of
  const years = ctx.plan.period.years;
  const group = task.subprojects.slice(s.first, s.first + s.count);
  const holds = (rows: readonly SubProject[]) => subprojectSumsHold(years, s.target, rows, 'target') && subprojectSumsHold(years, s.budget, rows, 'budget');
  if (holds(group)) return;
  // The sum of only the rows next to it: the rows further away are ungrouped 세부사업.
  for (let n = s.count - 1; n >= 1; n--) if (holds(s.side === 'after' ? group.slice(s.count - n) : group.slice(0, n))) return;
  for (let r = 0; r < ROLES.length; r++) {
    const role = ROLES[r];
    const parts: SeriesPart[] = group.map((sp) => ({ series: sp[role], name: sp.name }));
    checkSeriesSum(ctx, s[role], parts, joinWords([taskLabel(task.no, task.name), s.name, ROLE_WORDS[role]]));
  }
}
