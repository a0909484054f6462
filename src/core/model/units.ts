/** Units of the plan tables. Budgets convert; target units (명, 개소, …) never do. */

/** How many 백만원 one unit is: 1억원 = 100백만원 = 100,000천원. */
const BUDGET_IN_MILLION_WON: Record<string, number> = {
  천원: 0.001,
  백만원: 1,
  억원: 100,
};

export const BUDGET_UNITS = Object.keys(BUDGET_IN_MILLION_WON);

export function isBudgetUnit(unit: string): boolean {
  return unit in BUDGET_IN_MILLION_WON;
}

/** Factor that converts an amount in `from` into `to` (e.g. 억원 → 백만원 = 100). Null for unknown units. */
export function budgetFactor(from: string, to: string): number | null {
  const f = BUDGET_IN_MILLION_WON[from];
  const t = BUDGET_IN_MILLION_WON[to];
  return f === undefined || t === undefined ? null : f / t;
}

export const TARGET_UNITS = ['명', '개소', '개사', '개', '건', '회'];

/**
 * Reads a unit line such as "(단위 : 명, 백만원)" or "(단위: 개소, 억원)", also as offices type it:
 * `[단위: 명, 억원]`, `<단위 : 명>`, `(단 위 : …)`, units joined by `·` (`명·백만원`), and a money unit
 * spelled with a space (`백만 원`, as the spelling rules write it).
 */
export function parseUnitLine(text: string): string[] | null {
  const m = /단\s?위\s*[:：]\s*([^)）\]］>〉】]*)/.exec(text);
  if (!m) return null;
  return unitList(m[1]);
}

/** The units of a list as a unit line or a label writes it (`명, 백만 원`, `명·억원`): split, trimmed, `백만 원` made `백만원`. */
export function unitList(text: string): string[] {
  // Pushed in a loop (not split().map().filter()): one kind of list whichever tier of V8 runs this.
  const pieces = text.split(/[,，、/·ㆍ・]/);
  const units: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const u = pieces[i].trim().replace(/\s+원$/, '원');
    if (u.length > 0) units.push(u);
  }
  return units;
}

export function unitLine(units: string[]): string {
  return `(단위 : ${units.join(', ')})`;
}

/** Splits a unit line of a 실천과제 or 분야별 목표 table into target and budget units. */
export function targetAndBudgetUnits(units: string[]): { target: string | null; budget: string | null } {
  // A money unit that cannot be converted (만원, 원, …) is still the budget unit, so the rules can say so,
  // rather than being taken for the target unit while the budget silently defaults to 백만원.
  const isMoney = (u: string) => isBudgetUnit(u) || /원$/.test(u);
  const budget = units.find(isBudgetUnit) ?? units.find(isMoney) ?? null;
  const target = units.find((u) => !isMoney(u) && u !== '%' && u !== '%p') ?? null;
  return { target, budget };
}
