/**
 * The shared check behind every "total = Σ parts" rule: intervals decide between equal, a possible
 * rounding difference (warning) and a mismatch (error); every finding names the total and all parts.
 */
import { qualified } from '../grid/a1';
import type { Figure } from '../model/plan';
import { PLAUSIBLE_LIMIT, compareSum, halfUnit } from '../numbers/interval';
import { decimalsOf, formatKoreanNumber } from '../numbers/parse';
import type { RuleContext } from './types';
import { figureWords, joinWords, signedWords, wordsIn, type Words } from './words';

export interface SumPart {
  figure: Figure;
  /** Converts the part into the total's unit (e.g. 억원 → 백만원 = 100). Default 1. */
  factor?: number;
  /** How the part is named in the message, e.g. a 세부사업 name; defaults to its cell. */
  name?: Words;
}

export interface SumCheck {
  total: Figure;
  parts: SumPart[];
  /** Says what is summed, e.g. "① 청년 창업 인프라 조성 총계 2023년 성과목표". */
  what: Words;
  /** Message ids for the two outcomes; the messages get {{what}}, {{actual}}, {{expected}}, {{difference}}, {{tolerance}}, {{parts}}. */
  mismatchId: string;
  roundingId: string;
}

/** A figure for a message: thousands separators, △ for negatives, 0 as 0 (not '-'). */
export const fmt = (x: number): string => {
  // Implausibly large figures (value-implausible reports them) read best as a power of ten: 1e+308.
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '?' : x > 0 ? '∞' : '△∞';
  if (Math.abs(x) >= PLAUSIBLE_LIMIT) return x < 0 ? `△${(-x).toExponential()}` : x.toExponential();
  const v = Math.round(x * 1e6) / 1e6;
  return formatKoreanNumber(v, decimalsOf(v)).replace(/^-$/, '0');
};

/** Figures that count in a sum: blank, dash and text count as 0 (the value rules report them). */
const valueOf = (f: Figure) => f.value ?? 0;

/** A part's cell as a message names it: sheet-qualified when it sits on another sheet than the total. */
function cellName(f: Figure, total: Figure): string {
  return f.ref.sheet === total.ref.sheet ? f.ref.cell : qualified(f.ref.sheet, f.ref.cell);
}

export function checkSum(ctx: RuleContext, c: SumCheck): void {
  const { total, parts } = c;
  if (total.value === null) return; // a blank or unreadable total is the value rules' business
  if (parts.length === 0) return;
  const cmp = compareSum(
    { value: total.value, half: halfUnit(total.decimals) },
    parts.map((p) => ({ value: valueOf(p.figure) * (p.factor ?? 1), half: halfUnit(p.figure.decimals, p.factor ?? 1) })),
  );
  if (cmp.verdict === 'equal') return;
  const partsText = joinWords(
    parts.map((p) => joinWords([...(p.name ? [p.name] : []), cellName(p.figure, total), joinWords([figureWords(valueOf(p.figure)), p.factor && p.factor !== 1 ? `×${fmt(p.factor)}` : ''], '')])),
    ' + ',
  );
  ctx.report({
    messageId: cmp.verdict === 'rounding' ? c.roundingId : c.mismatchId,
    severity: cmp.verdict === 'rounding' ? 'warning' : 'error',
    at: total.ref,
    cells: [total.ref, ...parts.map((p) => p.figure.ref)],
    expected: cmp.sum,
    actual: total.value,
    tolerance: cmp.tolerance,
    data: {
      what: c.what,
      actual: figureWords(total.value),
      expected: figureWords(cmp.sum),
      difference: signedWords(cmp.difference),
      tolerance: fmt(cmp.tolerance),
      parts: partsText,
    },
  });
}
