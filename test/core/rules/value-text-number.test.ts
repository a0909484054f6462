import { valueTextNumber } from '../../../src/core/rules/plan/value-text-number';
import { runRules } from '../../../src/core/rules/run';
import { testRule } from '../../support/rule-tester';
import { consistentDraft, exampleDraft, planOf, planWithCells } from '../../support/plans';

testRule(valueTextNumber, {
  valid: [
    { name: 'a consistent plan', plan: () => planOf(consistentDraft()) },
    { name: 'the seed', plan: () => planOf(exampleDraft()) },
    { name: '"-" is the convention for none, not a number stored as text', plan: () => planWithCells(consistentDraft(), { '실천과제!D9': '-' }) },
  ],
  invalid: [
    {
      name: '"9,454" as text',
      plan: () => planWithCells(consistentDraft(), { '분야별 목표!C6': '9,454' }),
      findings: [{ messageId: 'textNumber', severity: 'warning', sheet: '분야별 목표', cell: 'C6', expected: 9454, actual: '9,454' }],
    },
    {
      name: '"12.5%" in an indicator',
      plan: () => planWithCells(consistentDraft(), { '공통 일자리 목표!E4': '61.5%' }),
      findings: [{ messageId: 'textNumber', cell: 'E4', expected: 61.5, actual: '61.5%' }],
    },
  ],
});

describe('value-text-number messages', () => {
  it('a negative stored as text reads -12 in English (△ is the Korean way)', () => {
    const [f] = runRules(planWithCells(consistentDraft(), { '실천과제!D9': '△12' }), [valueTextNumber]);
    expect(f.message).toContain('"△12" (값 △12;');
    expect(f.messageEn).toContain('the number -12 is stored as text "△12"');
  });

  it("names a task's table in English in the English message", () => {
    const [f] = runRules(planWithCells(consistentDraft(), { '실천과제!D9': '10', '실천과제!E9': '10' }), [valueTextNumber]);
    expect(f.messageId).toBe('textNumbers');
    expect(f.message).toMatch(/^① .* 연차별 추진계획: 텍스트로 저장된 숫자 2칸/);
    expect(f.messageEn).not.toContain('연차별 추진계획');
    expect(f.messageEn).toMatch(/^task 1 \(.*\): 2 numbers stored as text/);
  });
});
