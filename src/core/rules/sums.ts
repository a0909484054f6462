/**
 * The shared check behind every "total = Σ parts" rule: intervals decide between equal, a possible
 * rounding difference (warning) and a mismatch (error); every finding names the total and all parts.
 */
import { qualified } from '../grid/a1';
import type { CellRef, Figure, SubProject } from '../model/plan';
import { PLAUSIBLE_LIMIT, compareSumOf, halfUnit, sumVerdictOf, type SumComparison } from '../numbers/interval';
import { decimalsOf, formatKoreanNumber } from '../numbers/parse';
import type { Role, RuleContext } from './types';
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

/** The parts' values and half-widths, filled for each sum (a plan has tens of thousands of sums). */
let values = new Float64Array(64);
let halves = new Float64Array(64);

/** Room for n parts in the shared lists. */
function reserve(n: number): void {
  if (n <= values.length) return;
  let size = values.length;
  while (size < n) size *= 2;
  values = new Float64Array(size);
  halves = new Float64Array(size);
}

/** Puts part i into the shared lists: its value (blank, dash and text as 0) and half-width, in the total's unit. */
function setPart(i: number, f: Figure, factor: number | undefined): void {
  values[i] = valueOf(f) * (factor ?? 1);
  halves[i] = halfUnit(f.decimals, factor ?? 1);
}

function compareFilled(total: Figure, n: number): SumComparison {
  return compareSumOf(total.value!, halfUnit(total.decimals), values, halves, n);
}

/**
 * True when checkSum would report nothing for this total and these parts (each with factor 1): the
 * total is blank or unreadable, there are no parts, or they are equal. Lets a rule over every row of a
 * plan skip the equal sums without building their parts.
 */
export function sumHolds(total: Figure, parts: readonly Figure[]): boolean {
  const n = parts.length;
  if (total.value === null || n === 0) return true;
  reserve(n);
  for (let i = 0; i < n; i++) setPart(i, parts[i], undefined);
  return sumVerdictOf(total.value, halfUnit(total.decimals), values, halves, n) === 'equal';
}

/** sumHolds for one column of a "parent = Σ children" check: column 0 is 합계, column i the (i − 1)-th year. */
export function columnSumHolds(total: Figure, parts: readonly { series: { total: Figure; years: Figure[] }; factor?: number }[], column: number): boolean {
  const n = parts.length;
  if (total.value === null || n === 0) return true;
  reserve(n);
  for (let i = 0; i < n; i++) {
    const s = parts[i].series;
    setPart(i, column === 0 ? s.total : s.years[column - 1], parts[i].factor);
  }
  return sumVerdictOf(total.value, halfUnit(total.decimals), values, halves, n) === 'equal';
}

/** A part as the message lists it: its name, its cell and its figure (×factor when converted). */
function partWords(p: SumPart, total: Figure): Words {
  const figure = joinWords([figureWords(valueOf(p.figure)), p.factor && p.factor !== 1 ? `×${fmt(p.factor)}` : ''], '');
  return p.name ? joinWords([p.name, cellName(p.figure, total), figure]) : joinWords([cellName(p.figure, total), figure]);
}

/** Figures as the parts of a sum (factor 1, named by their cells), in a list made at its length and filled in a loop. */
export function figureParts(figures: readonly Figure[]): SumPart[] {
  const parts = new Array<SumPart>(figures.length);
  for (let i = 0; i < figures.length; i++) parts[i] = { figure: figures[i] };
  return parts;
}

/** The total's cell, then each part's. */
function partCells(total: Figure, parts: readonly SumPart[]): CellRef[] {
  const cells = new Array<CellRef>(parts.length + 1);
  cells[0] = total.ref;
  for (let i = 0; i < parts.length; i++) cells[i + 1] = parts[i].figure.ref;
  return cells;
}

/** columnSumHolds with each 세부사업's `role` row as a part (factor 1), without making the parts. */
export function roleColumnSumHolds(total: Figure, subprojects: readonly SubProject[], role: Role, column: number): boolean {
  const n = subprojects.length;
  if (total.value === null || n === 0) return true;
  reserve(n);
  for (let i = 0; i < n; i++) {
    const s = subprojects[i][role];
    setPart(i, column === 0 ? s.total : s.years[column - 1], undefined);
  }
  return sumVerdictOf(total.value, halfUnit(total.decimals), values, halves, n) === 'equal';
}

export function checkSum(ctx: RuleContext, c: SumCheck): void {
  const { total, parts } = c;
  if (total.value === null) return; // a blank or unreadable total is the value rules' business
  if (parts.length === 0) return;
  reserve(parts.length);
  for (let i = 0; i < parts.length; i++) setPart(i, parts[i].figure, parts[i].factor);
  const cmp = compareFilled(total, parts.length);
  if (cmp.verdict === 'equal') return;
  // Lists made at their length and filled in loops: one kind of array whichever tier of V8 runs this.
  const named = new Array<Words>(parts.length);
  for (let i = 0; i < parts.length; i++) named[i] = partWords(parts[i], total);
  const partsText = joinWords(named, ' + ');
  ctx.report({
    messageId: cmp.verdict === 'rounding' ? c.roundingId : c.mismatchId,
    severity: cmp.verdict === 'rounding' ? 'warning' : 'error',
    at: total.ref,
    cells: partCells(total, parts),
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
