import { compareSum } from '../../../src/core/numbers/interval';
import { rowTotal } from '../../../src/core/rules/plan/row-total';
import { taskTotal } from '../../../src/core/rules/plan/task-total';
import { valueImplausible } from '../../../src/core/rules/plan/value-implausible';
import { runRules } from '../../../src/core/rules/run';
import { ALL_RULES } from '../../../src/core/rules';
import type { PlanDraft } from '../../../src/core/model/draft';
import { testRule } from '../../support/rule-tester';
import { consistentDraft, consistentWith, exampleDraft, planOf, planWithCells } from '../../support/plans';
import { ri, resultsPlan } from '../../support/results';

testRule(valueImplausible, {
  valid: [
    { name: 'a consistent plan', plan: () => planOf(consistentDraft()) },
    { name: 'the seed', plan: () => planOf(exampleDraft()) },
    { name: 'a large but real budget (999조 원 in 백만원 is below 10^15)', plan: () => consistentWith((d) => (d.tasks[0].subprojects[0].budget.years[0] = 999_999_999)) },
  ],
  invalid: [
    {
      name: 'a 세부사업 budget of 1e308',
      plan: () => consistentWith((d) => (d.tasks[0].subprojects[0].budget.years[0] = 1e308)),
      findings: [{ messageId: 'implausible', severity: 'error', sheet: '실천과제', cell: 'D10', actual: 1e308 }],
    },
    {
      name: '-10^16 as text in an area target, and exactly 10^15 in an indicator',
      plan: () => planWithCells(consistentDraft(), { '분야별 목표!E6': '△10000000000000000', '공통 일자리 목표!D5': 1e15 }),
      findings: [
        { messageId: 'implausible', sheet: '분야별 목표', cell: 'E6', actual: '△10000000000000000' },
        { messageId: 'implausible', sheet: '공통 일자리 목표', cell: 'D5' },
      ],
    },
    {
      name: 'a 성과 실적 of 1e300',
      plan: () => resultsPlan([ri(1, '청년 일자리', '명', 1e300)]),
      findings: [{ messageId: 'implausible', sheet: '성과' }],
    },
  ],
});

/** Every figure of a draft set to `v` (targets, budgets, indicators). */
function everyFigure(d: PlanDraft, v: number): void {
  const series = (s: { total: number | null; years: (number | null)[] } | undefined) => {
    if (!s) return;
    s.total = v;
    s.years = s.years.map(() => v);
  };
  for (const a of d.areas) {
    series(a.target);
    series(a.budget ?? undefined);
  }
  for (const t of d.tasks) {
    series(t.total?.target);
    series(t.total?.budget);
    for (const sp of t.subprojects) {
      series(sp.target);
      series(sp.budget);
    }
  }
}

describe('no comparison passes by overflow', () => {
  it('every figure 1e308: the sums are mismatches and every figure is implausible (was ok:true, no finding)', () => {
    const d = exampleDraft();
    everyFigure(d, 1e308);
    const findings = runRules(planOf(d), ALL_RULES);
    expect(findings.filter((f) => f.rule === 'row-total' && f.severity === 'error').length).toBeGreaterThan(0);
    expect(findings.filter((f) => f.rule === 'task-total' && f.severity === 'error').length).toBeGreaterThan(0);
    expect(findings.filter((f) => f.rule === 'value-implausible').length).toBeGreaterThan(20);
    for (const f of findings) {
      expect(f.message).not.toMatch(/NaN|Infinity/);
      if (typeof f.expected === 'number') expect(Number.isNaN(f.expected)).toBe(false);
    }
  });

  it('one part of 1e308 does not hide a row total or a task total', () => {
    const plan = consistentWith((d) => (d.tasks[0].subprojects[0].target.years[1] = 1e308));
    const row = runRules(plan, [rowTotal]);
    expect(row.some((f) => f.messageId === 'mismatch')).toBe(true);
    expect(runRules(plan, [taskTotal]).some((f) => f.messageId === 'mismatch')).toBe(true);
  });

  it('compareSum: overflow, non-finite figures and lost precision never give equal', () => {
    const whole = (value: number) => ({ value, half: 0.5 });
    expect(compareSum(whole(1e308), [whole(1e308), whole(1e308)]).verdict).toBe('mismatch');
    expect(compareSum(whole(100), [whole(1e308), whole(-1e308), whole(100)]).verdict).toBe('equal'); // exact: 1e308 − 1e308 + 100
    expect(compareSum(whole(100), [whole(1e308), whole(50)]).verdict).toBe('mismatch');
    expect(compareSum(whole(Infinity), [whole(Infinity)]).verdict).toBe('mismatch');
    expect(compareSum(whole(NaN), [whole(1)]).verdict).toBe('mismatch');
    expect(compareSum(whole(1.5e308), [whole(1e308), whole(0.5e308)]).verdict).toBe('equal');
    // A difference of 100 000 at 10^14 is a mismatch (a share-of-size noise called it equal).
    expect(compareSum(whole(1e14 + 100_000), [whole(5e13), whole(5e13)]).verdict).toBe('mismatch');
    const r = compareSum(whole(1), [whole(1e308), whole(1e308)]);
    expect(Number.isNaN(r.sum)).toBe(false);
    expect(r.sum).toBe(Infinity);
  });
});
