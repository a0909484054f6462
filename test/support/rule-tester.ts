/**
 * ESLint-style rule tester: each rule runs on valid plans (no finding of this rule) and invalid plans
 * (exactly the listed findings, compared on the fields given).
 */
import type { Plan } from '../../src/core/model/plan';
import { runRules } from '../../src/core/rules/run';
import type { Finding, Rule } from '../../src/core/rules/types';

export interface ValidCase {
  name: string;
  plan: () => Plan;
}

export type ExpectedFinding = Partial<Pick<Finding, 'messageId' | 'severity' | 'sheet' | 'cell' | 'expected' | 'actual' | 'tolerance' | 'cells'>>;

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
}

export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`rule ${rule.meta.id}`, () => {
    it('has complete metadata', () => {
      expect(rule.meta.id).toMatch(/^[a-z][a-z0-9-]+$/);
      expect(['error', 'warning', 'info']).toContain(rule.meta.defaultSeverity);
      for (const m of [rule.meta.description, rule.meta.docs, ...Object.values(rule.meta.messages)]) {
        expect(m.ko.length).toBeGreaterThan(0);
        expect(m.en.length).toBeGreaterThan(0);
      }
    });
    if (cases.valid.length === 0 || cases.invalid.length === 0) throw new Error(`${rule.meta.id}: needs valid and invalid cases`);
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(runRules(c.plan(), [rule]).map((f) => `${f.cell}: ${f.message}`)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const found = runRules(c.plan(), [rule]);
        expect(found).toHaveLength(c.findings.length);
        c.findings.forEach((exp, i) => {
          const got = found[i];
          const picked = Object.fromEntries(Object.keys(exp).map((k) => [k, got[k as keyof Finding]]));
          expect(picked).toEqual(exp);
          expect(got.message).not.toMatch(/\{\{/);
          expect(got.messageEn).not.toMatch(/\{\{/);
        });
      });
    }
  });
}
