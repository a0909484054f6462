/**
 * ESLint-style rule tester: each rule runs on valid plans (no finding of this rule) and invalid plans
 * (exactly the listed findings, compared on the fields given).
 */
import type { Plan } from '../../src/core/model/plan';
import { detail, headline, messageText } from '../../src/core/present';
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

/** Words our English texts must translate, as whole words (종합계획 is a name, not 합계). */
const KOREAN_WORDS = /(?<![가-힣])(?:성과목표|소요예산|합계|총계|백만원|억원|천원|\d+년)(?![가-힣])/;

/** The text without the names of the finding's place (an item may be called 합계: that is a name). */
function withoutNames(text: string, f: Finding): string {
  const p = f.place;
  const names = p ? [p.area, p.subproject, p.indicator, p.task?.name, ...(p.item ?? [])].filter((n): n is string => !!n) : [];
  return names.sort((a, b) => b.length - a.length).reduce((t, n) => t.split(n).join(''), text);
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
      // A short form belongs to a message and says nothing the message's data cannot fill.
      const names = (t: string) => new Set([...t.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((x) => x[1]));
      for (const [id, short] of Object.entries(rule.meta.short ?? {})) {
        const full = rule.meta.messages[id];
        expect(full).toBeDefined();
        for (const lang of ['ko', 'en'] as const) for (const n of names(short[lang])) expect(names(full[lang])).toContain(n);
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
          // Every text present makes from the finding is complete, in both languages; the English one
          // carries no Korean word of ours (names from the plan may be Hangul).
          for (const lang of ['ko', 'en'] as const) {
            expect(headline(got, lang)).not.toMatch(/\{\{/);
            expect(detail(got, lang)).not.toMatch(/\{\{/);
          }
          expect(withoutNames(headline(got, 'en'), got)).not.toMatch(KOREAN_WORDS);
          expect(withoutNames(messageText(got, 'en'), got)).not.toMatch(KOREAN_WORDS);
        });
      });
    }
  });
}
