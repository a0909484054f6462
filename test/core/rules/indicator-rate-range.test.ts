import { indicatorRateRange } from '../../../src/core/rules/plan/indicator-rate-range';
import { runRules } from '../../../src/core/rules/run';
import { testRule } from '../../support/rule-tester';
import { consistentDraft, consistentWith, exampleDraft, planOf } from '../../support/plans';

testRule(indicatorRateRange, {
  valid: [
    { name: 'a consistent plan', plan: () => planOf(consistentDraft()) },
    { name: "the seed's rates", plan: () => planOf(exampleDraft()) },
    { name: 'counts above 100 are not rates', plan: () => consistentWith((d) => (d.indicators[1].base = 100000)) },
    { name: 'exactly 0 and 100', plan: () => consistentWith((d) => ((d.indicators[0].lastActual = 0), (d.indicators[0].targets[3] = 100))) },
  ],
  invalid: [
    {
      name: 'a 2027 target of 101%',
      plan: () => consistentWith((d) => (d.indicators[0].targets[0] = 101)),
      findings: [{ messageId: 'outOfRange', severity: 'error', sheet: '공통 일자리 목표', cell: 'E4', expected: '0~100', actual: 101 }],
    },
    {
      name: 'a negative last actual',
      plan: () => consistentWith((d) => (d.indicators[0].lastActual = -1)),
      findings: [{ messageId: 'outOfRange', cell: 'C4', actual: -1 }],
    },
  ],
});

it('indicator-rate-range: a negative rate is △1.5 in Korean and -1.5 in English', () => {
  const [f] = runRules(consistentWith((d) => (d.indicators[0].lastActual = -1.5)), [indicatorRateRange]);
  expect(f.message).toContain('△1.5%는');
  expect(f.messageEn).toContain('-1.5% is outside 0–100%');
});
