import { indicatorRequiredChange } from '../../../src/core/rules/plan/indicator-required-change';
import { runRules } from '../../../src/core/rules/run';
import { testRule } from '../../support/rule-tester';
import { consistentDraft, consistentWith, exampleDraft, planOf } from '../../support/plans';
import type { Plan } from '../../../src/core/model/plan';

/** The plan with the rate's last target as a figure shown with `decimals` places (its cell's format). */
const rateTargetShown = (value: number, decimals: number): Plan => {
  const plan = planOf(consistentDraft());
  const last = plan.indicators[0].targets.length - 1;
  plan.indicators[0].targets[last] = { ...plan.indicators[0].targets[last], value, decimals };
  return plan;
};

testRule(indicatorRequiredChange, {
  valid: [
    { name: 'exactly +2%p and +10%', plan: () => planOf(consistentDraft()) },
    { name: "the seed's six indicators", plan: () => planOf(exampleDraft()) },
    { name: 'a lower requirement in the settings', plan: () => consistentWith((d) => ((d.settings.requiredRateChange = 1.5), (d.indicators[0].targets[3] = 62))) },
  ],
  invalid: [
    {
      name: 'rate 60.5 → 62.4 is +1.9%p (not met even with rounding)',
      plan: () => consistentWith((d) => (d.indicators[0].targets[3] = 62.4)),
      findings: [{ messageId: 'notMet', severity: 'error', sheet: '공통 일자리 목표', cell: 'H4', expected: 62.5, actual: 62.4, tolerance: 0.1, cells: ["'공통 일자리 목표'!H4", "'공통 일자리 목표'!D4"] }],
    },
    {
      name: 'count 100,000 → 109,999 is +9.999% (rounding could reach +10%)',
      plan: () => consistentWith((d) => (d.indicators[1].targets[3] = 109999)),
      findings: [{ messageId: 'possibly', severity: 'warning', cell: 'H5', expected: 110000, actual: 109999, tolerance: 1.05 }],
    },
    {
      name: 'count 100,001 needs 110,002 people (the smallest whole target), not 110,001.1',
      plan: () => consistentWith((d) => ((d.indicators[1].base = 100001), (d.indicators[1].targets[3] = 110000))),
      findings: [{ messageId: 'notMet', cell: 'H5', expected: 110002, actual: 110000, tolerance: 1.05 }],
    },
    {
      name: 'a count from a base of 0: no % change, the requirement cannot be judged',
      plan: () => consistentWith((d) => (d.indicators[1].base = 0)),
      findings: [{ messageId: 'zeroBase', severity: 'warning', sheet: '공통 일자리 목표', cell: 'D5', actual: 0, cells: ["'공통 일자리 목표'!D5", "'공통 일자리 목표'!H5"] }],
    },
    {
      name: 'base 60.5 (one place), target 62.49 (two places): +1.99%p may reach +2%p once the base is unrounded (60.45)',
      plan: () => rateTargetShown(62.49, 2),
      findings: [{ messageId: 'possibly', severity: 'warning', cell: 'H4', expected: 62.5, actual: 62.49, tolerance: 0.055 }],
    },
    {
      name: 'a target shown without decimals beside a base with one (62 for 62.0) is judged at one place: not met',
      plan: () => rateTargetShown(62, 0),
      findings: [{ messageId: 'notMet', severity: 'error', cell: 'H4', expected: 62.5, actual: 62 }],
    },
    {
      name: 'a +3%p requirement in the settings',
      plan: () => consistentWith((d) => (d.settings.requiredRateChange = 3)),
      findings: [{ messageId: 'notMet', cell: 'H4', expected: 63.5, actual: 62.5 }],
    },
  ],
});

describe('indicator-required-change messages', () => {
  it('never calls a change below the requirement equal to it (9.9997% is not "10%, below +10%")', () => {
    const plan = consistentWith((d) => ((d.indicators[1].base = 302000), (d.indicators[1].targets[3] = 332199)));
    const [f] = runRules(plan, [indicatorRequiredChange]);
    expect(f.message).toContain('대비 9.9997%, 요구 증감 +10%');
    expect(f.messageEn).toContain('9.9997% vs base');
  });

  it('names a whole number of people as the target needed', () => {
    const plan = consistentWith((d) => ((d.indicators[1].base = 302001), (d.indicators[1].targets[3] = 332201)));
    const [f] = runRules(plan, [indicatorRequiredChange]);
    expect(f.expected).toBe(332202);
    expect(f.message).toContain('(필요 목표 332,202)');
  });
});

it('indicator-required-change: a required decrease reads △1%p / -1%p, not +△1%p / +-1%p', () => {
  const plan = consistentWith((d) => ((d.settings.requiredRateChange = -1), (d.indicators[0].targets[3] = 58)));
  const [f] = runRules(plan, [indicatorRequiredChange]);
  expect(f.message).toContain('요구 증감 △1%p에 못 미침');
  expect(f.messageEn).toContain('below the required -1%p');
});
