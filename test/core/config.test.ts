/** Rule settings (jobtarget.config.json, --rule, the pane's settings): an unknown rule id names what was meant. */
import { parseRuleOption, parseRules } from '../../src/core/config';
import { ALL_RULES } from '../../src/core/rules';

const KNOWN = ALL_RULES.map((r) => r.meta.id);
const problem = (text: string) => {
  const r = parseRuleOption(text, KNOWN);
  if (!('ko' in r)) throw new Error(`accepted: ${text}`);
  return r;
};

describe('an unknown rule id', () => {
  it.each([
    ['row-totl:off', 'row-total'], // a letter left out
    ['row-toatl:off', 'row-total'], // two swapped
    ['Row-Total:off', 'row-total'], // capitals
    ['areatotal:off', 'area-total'], // the hyphen left out
    ['value-negativ:off', 'value-negative'], // a part of one
    ['area-totals:off', 'area-total'], // one and more
    ['indicator-rate-rnage:warning', 'indicator-rate-range'],
  ])('%s: suggests %s, in Korean and English', (text, meant) => {
    const p = problem(text);
    expect(p.ko).toContain(`모르는 규칙입니다: ${text.split(':')[0]} — `);
    expect(p.ko).toContain(`${meant}`);
    expect(p.en).toContain(`unknown rule: ${text.split(':')[0]} — `);
    expect(p.en).toContain(`${meant}`);
  });

  it('with nothing near, lists every rule instead of guessing (a short id is never matched by a letter it holds)', () => {
    for (const text of ['nosuch:off', 'x:off', 'zz:error']) {
      const p = problem(text);
      expect(p.ko).not.toContain(' — ');
      for (const id of KNOWN) {
        expect(p.ko).toContain(id);
        expect(p.en).toContain(id);
      }
    }
  });

  it('is reported the same from a config file, every unknown id once', () => {
    const { rules, problems } = parseRules({ 'row-totl': 'off', 'row-total': 'warning', nosuch: 'error' }, KNOWN);
    expect(rules).toEqual({ 'row-total': 'warning' });
    expect(problems.map((p) => p.en)).toEqual([expect.stringContaining('unknown rule: row-totl — row-total?'), expect.stringContaining('unknown rule: nosuch (rules: row-total, ')]);
  });
});

describe('the structure rule, listed in docs/rules.md', () => {
  it('is not "unknown": its severity is fixed, and the problem says so, from --rule and from a config file', () => {
    const p = problem('structure:off');
    expect(p.ko).toContain('structure 규칙(표나 머리글을 찾지 못함)의 심각도는 바꿀 수 없습니다');
    expect(p.en).toContain("the structure rule's severity cannot be changed");
    expect(p.ko).not.toContain('모르는 규칙');
    const { rules, problems } = parseRules({ structure: 'warning', 'row-total': 'off' }, KNOWN);
    expect(rules).toEqual({ 'row-total': 'off' });
    expect(problems.map((q) => q.en)).toEqual([expect.stringContaining("the structure rule's severity cannot be changed")]);
  });
});
