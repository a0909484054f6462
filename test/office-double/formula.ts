/**
 * A small formula evaluator for the test double, so formula cells have a value when read back
 * (the template writes SUM, SUMIF, IF/OR, + chains and cross-sheet references). Unknown functions
 * evaluate to #NAME?, as in Excel. Not a spreadsheet engine: enough for the template's formulas.
 */
import { cellA1, parseRect, quoteSheetName, splitSheetAddress, type Rect } from './model';

export interface ErrorValue {
  error: string;
}
export interface RangeValue {
  sheet: string | null;
  rect: Rect;
}
export type Scalar = number | string | boolean | null | ErrorValue;
type Value = Scalar | RangeValue;

export interface EvalHost {
  /** Value of a cell on the named sheet (null = current); null for empty; ErrorValue for errors. */
  cell(sheet: string | null, row: number, col: number): Scalar;
  sheetExists(sheet: string): boolean;
}

type Tok =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ref'; v: string }
  | { t: 'fn'; v: string }
  | { t: 'op'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'err'; v: string };

const REF = /^(?:(?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/u;

const SHEET_PREFIX = /(?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!/u;
const DEAD_REF = new RegExp(`^(?:#REF!\\$?[A-Za-z]{1,3}\\$?\\d+(?::\\$?[A-Za-z]{1,3}\\$?\\d+)?|(?:${SHEET_PREFIX.source})?#REF!)`, 'u');

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      while (j < src.length) {
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    const num = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(rest);
    if (num && !/^[A-Za-z]/.test(rest)) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    // A reference Excel could no longer resolve (its cells or sheet deleted): #REF!, #REF!C5, Sheet!#REF!.
    const dead = DEAD_REF.exec(rest);
    if (dead) {
      out.push({ t: 'err', v: '#REF!' });
      i += dead[0].length;
      continue;
    }
    const ref = REF.exec(rest);
    if (ref && !/^[\p{L}\p{N}_(]/u.test(rest.slice(ref[0].length))) {
      out.push({ t: 'ref', v: ref[0] });
      i += ref[0].length;
      continue;
    }
    const fn = /^([A-Za-z][A-Za-z0-9.]*)\s*\(/.exec(rest);
    if (fn) {
      out.push({ t: 'fn', v: fn[1].toUpperCase() });
      i += fn[0].length;
      continue;
    }
    const bool = /^(TRUE|FALSE)\b/i.exec(rest);
    if (bool) {
      out.push({ t: 'bool', v: bool[1].toUpperCase() === 'TRUE' });
      i += bool[0].length;
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/^&=<>(),%])/.exec(rest);
    if (op) {
      out.push({ t: 'op', v: op[1] });
      i += op[1].length;
      continue;
    }
    throw new Error(`cannot parse formula at '${rest}'`);
  }
  return out;
}

const isErr = (v: unknown): v is ErrorValue => typeof v === 'object' && v !== null && 'error' in v;
const isRange = (v: unknown): v is RangeValue => typeof v === 'object' && v !== null && 'rect' in v;
const err = (e: string): ErrorValue => ({ error: e });

class Evaluator {
  private pos = 0;
  constructor(
    private toks: Tok[],
    private host: EvalHost,
  ) {}

  run(): Scalar {
    const v = this.comparison();
    if (this.pos < this.toks.length) throw new Error('trailing tokens');
    return this.scalar(v);
  }

  private peek(): Tok | undefined {
    return this.toks[this.pos];
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return !!t && t.t === 'op' && t.v === v;
  }
  private expect(v: string): void {
    if (!this.isOp(v)) throw new Error(`expected ${v}`);
    this.pos++;
  }

  private comparison(): Value {
    let left = this.concat();
    for (;;) {
      const t = this.peek();
      if (!t || t.t !== 'op' || !['=', '<>', '<', '>', '<=', '>='].includes(t.v)) return left;
      this.pos++;
      const right = this.concat();
      left = this.compare(t.v, this.scalar(left), this.scalar(right));
    }
  }
  private concat(): Value {
    let left = this.additive();
    while (this.isOp('&')) {
      this.pos++;
      const a = this.scalar(left);
      const b = this.scalar(this.additive());
      if (isErr(a)) return a;
      if (isErr(b)) return b;
      left = `${this.text(a)}${this.text(b)}`;
    }
    return left;
  }
  private additive(): Value {
    let left = this.multiplicative();
    for (;;) {
      const t = this.peek();
      if (!t || t.t !== 'op' || (t.v !== '+' && t.v !== '-')) return left;
      this.pos++;
      left = this.arith(t.v, left, this.multiplicative());
    }
  }
  private multiplicative(): Value {
    let left = this.power();
    for (;;) {
      const t = this.peek();
      if (!t || t.t !== 'op' || (t.v !== '*' && t.v !== '/')) return left;
      this.pos++;
      left = this.arith(t.v, left, this.power());
    }
  }
  private power(): Value {
    let left = this.unary();
    while (this.isOp('^')) {
      this.pos++;
      left = this.arith('^', left, this.unary());
    }
    return left;
  }
  private unary(): Value {
    if (this.isOp('-')) {
      this.pos++;
      return this.arith('-', 0, this.unary());
    }
    if (this.isOp('+')) {
      this.pos++;
      return this.unary();
    }
    const v = this.primary();
    if (this.isOp('%')) {
      this.pos++;
      return this.arith('/', v, 100);
    }
    return v;
  }
  private primary(): Value {
    const t = this.toks[this.pos++];
    if (!t) throw new Error('unexpected end');
    switch (t.t) {
      case 'num':
        return t.v;
      case 'str':
        return t.v;
      case 'bool':
        return t.v;
      case 'err':
        return err(t.v);
      case 'ref': {
        const { sheet, local } = splitSheetAddress(t.v);
        if (sheet !== null && !this.host.sheetExists(sheet)) return err('#REF!');
        return { sheet, rect: parseRect(local) };
      }
      case 'fn':
        return this.call(t.v);
      case 'op':
        if (t.v === '(') {
          const v = this.comparison();
          this.expect(')');
          return v;
        }
    }
    throw new Error(`unexpected token ${JSON.stringify(t)}`);
  }

  private args(): Value[] {
    const args: Value[] = [];
    if (this.isOp(')')) {
      this.pos++;
      return args;
    }
    for (;;) {
      args.push(this.comparison());
      if (this.isOp(',')) {
        this.pos++;
        continue;
      }
      this.expect(')');
      return args;
    }
  }

  private call(name: string): Value {
    const args = this.args();
    switch (name) {
      case 'SUM': {
        let s = 0;
        for (const a of args) {
          if (isRange(a)) {
            for (const v of this.cells(a)) {
              if (isErr(v)) return v;
              if (typeof v === 'number') s += v;
            }
          } else {
            const n = this.num(a);
            if (isErr(n)) return n;
            s += n;
          }
        }
        return s;
      }
      case 'ROWS':
      case 'COLUMNS': {
        const [a] = args;
        if (isErr(a)) return a;
        if (!isRange(a)) return err('#VALUE!');
        return name === 'ROWS' ? a.rect.r1 - a.rect.r0 + 1 : a.rect.c1 - a.rect.c0 + 1;
      }
      case 'SUMIF': {
        const [range, crit, sumRange] = args;
        if (!isRange(range)) return err('#VALUE!');
        const target = sumRange && isRange(sumRange) ? sumRange : range;
        const c = this.scalar(crit);
        const keys = this.cells(range);
        const vals = this.cells({ sheet: target.sheet, rect: { r0: target.rect.r0, c0: target.rect.c0, r1: target.rect.r0 + (range.rect.r1 - range.rect.r0), c1: target.rect.c0 + (range.rect.c1 - range.rect.c0) } });
        let s = 0;
        keys.forEach((k, i) => {
          const v = vals[i];
          if (this.matches(k, c) && typeof v === 'number') s += v;
        });
        return s;
      }
      case 'IF': {
        const cond = this.bool(this.scalar(args[0]));
        if (isErr(cond)) return cond;
        return cond ? (args[1] ?? true) : (args[2] ?? false);
      }
      case 'IFERROR': {
        const v = this.scalar(args[0]);
        return isErr(v) ? (args[1] ?? '') : v;
      }
      case 'OR':
      case 'AND': {
        const bs = args.map((a) => this.bool(this.scalar(a)));
        const e = bs.find(isErr);
        if (e) return e;
        return name === 'OR' ? bs.some((b) => b === true) : bs.every((b) => b === true);
      }
      case 'NOT': {
        const b = this.bool(this.scalar(args[0]));
        return isErr(b) ? b : !b;
      }
      case 'ROUND': {
        const n = this.num(args[0]);
        const d = this.num(args[1] ?? 0);
        if (isErr(n)) return n;
        if (isErr(d)) return d;
        const f = 10 ** d;
        return Math.sign(n) * Math.round(Math.abs(n) * f) / f;
      }
      case 'ABS': {
        const n = this.num(args[0]);
        return isErr(n) ? n : Math.abs(n);
      }
      case 'HYPERLINK': {
        const link = this.scalar(args[0]);
        return args[1] !== undefined ? this.scalar(args[1]) : link;
      }
      default:
        return err('#NAME?');
    }
  }

  private cells(r: RangeValue): Scalar[] {
    const out: Scalar[] = [];
    for (let row = r.rect.r0; row <= r.rect.r1; row++) for (let c = r.rect.c0; c <= r.rect.c1; c++) out.push(this.host.cell(r.sheet, row, c));
    return out;
  }

  private scalar(v: Value): Scalar {
    if (isRange(v)) {
      if (v.rect.r0 !== v.rect.r1 || v.rect.c0 !== v.rect.c1) return err('#VALUE!');
      return this.host.cell(v.sheet, v.rect.r0, v.rect.c0);
    }
    return v;
  }

  private num(v: Value): number | ErrorValue {
    const s = this.scalar(v);
    if (isErr(s)) return s;
    if (s === null || s === '') return 0;
    if (typeof s === 'number') return s;
    if (typeof s === 'boolean') return s ? 1 : 0;
    const n = Number(s.replace(/,/g, ''));
    return s.trim() !== '' && Number.isFinite(n) ? n : err('#VALUE!');
  }

  private bool(s: Scalar): boolean | ErrorValue {
    if (isErr(s)) return s;
    if (s === null || s === '') return false;
    if (typeof s === 'boolean') return s;
    if (typeof s === 'number') return s !== 0;
    const u = s.toUpperCase();
    if (u === 'TRUE') return true;
    if (u === 'FALSE') return false;
    return err('#VALUE!');
  }

  private text(s: Scalar): string {
    if (s === null) return '';
    if (typeof s === 'boolean') return s ? 'TRUE' : 'FALSE';
    return String(s);
  }

  private arith(op: string, a: Value, b: Value): Value {
    const x = this.num(a);
    const y = this.num(b);
    if (isErr(x)) return x;
    if (isErr(y)) return y;
    switch (op) {
      case '+':
        return x + y;
      case '-':
        return x - y;
      case '*':
        return x * y;
      case '/':
        return y === 0 ? err('#DIV/0!') : x / y;
      default:
        return x ** y;
    }
  }

  private compare(op: string, a: Scalar, b: Scalar): Scalar {
    if (isErr(a)) return a;
    if (isErr(b)) return b;
    // An empty cell compares equal to "" and to 0.
    const norm = (v: Scalar, other: Scalar): Scalar => (v === null ? (typeof other === 'number' ? 0 : typeof other === 'boolean' ? false : '') : v);
    const x = norm(a, b);
    const y = norm(b, a);
    let c: number;
    if (typeof x === 'number' && typeof y === 'number') c = x - y;
    else if (typeof x === 'string' && typeof y === 'string') c = x.toLowerCase() < y.toLowerCase() ? -1 : x.toLowerCase() > y.toLowerCase() ? 1 : 0;
    else if (typeof x === typeof y) c = x === y ? 0 : x ? 1 : -1;
    else {
      // Excel orders numbers < text < booleans.
      const rank = (v: Scalar) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
      c = rank(x) - rank(y);
    }
    switch (op) {
      case '=':
        return c === 0;
      case '<>':
        return c !== 0;
      case '<':
        return c < 0;
      case '>':
        return c > 0;
      case '<=':
        return c <= 0;
      default:
        return c >= 0;
    }
  }

  private matches(v: Scalar, crit: Scalar): boolean {
    if (isErr(v) || isErr(crit)) return false;
    if (typeof crit === 'number') return typeof v === 'number' && v === crit;
    const c = String(crit ?? '');
    const m = /^(<>|<=|>=|=|<|>)?(.*)$/.exec(c)!;
    const op = m[1] ?? '=';
    const rhsText = m[2];
    const rhsNum = rhsText.trim() !== '' && Number.isFinite(Number(rhsText)) ? Number(rhsText) : null;
    const rhs: Scalar = rhsNum ?? rhsText;
    if (rhsNum === null && (op === '=' || op === '<>')) {
      const eq = typeof v === 'string' ? v.toLowerCase() === rhsText.toLowerCase() : v === null && rhsText === '';
      return op === '=' ? eq : !eq;
    }
    if (rhsNum !== null && typeof v !== 'number') return op === '<>';
    return this.compare(op, v, rhs) === true;
  }
}

/** Evaluates formula text (with or without '='). Returns the value or an ErrorValue. */
export function evaluateFormula(formula: string, host: EvalHost): Scalar {
  const src = formula.startsWith('=') ? formula.slice(1) : formula;
  try {
    return new Evaluator(tokenize(src), host).run();
  } catch {
    return err('#NAME?');
  }
}

export { isErr as isErrorValue };

/**
 * What becomes of one reference when Excel adjusts formulas (rows/columns inserted or deleted, a sheet
 * renamed or deleted): `rect` null makes it Sheet!#REF! (its cells are gone); `sheetGone` makes it
 * #REF!C5 (its sheet is gone); `sheet` a new name for its sheet. null: unchanged.
 */
export type RefEdit = { sheet?: string; rect?: Rect | null; sheetGone?: true } | null;

const REF_PARTS = /^((?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(\$?)(\d+))?$/u;

/**
 * Rewrites every cell/range reference of a formula (string literals left alone) through `edit`, which
 * gets the reference's sheet (null: the formula's own sheet) and area. Absolute/relative marks are kept.
 */
export function mapReferences(formula: string, edit: (sheet: string | null, rect: Rect) => RefEdit): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : '';
    const rest = formula.slice(i);
    const ref = /[\p{L}\p{N}_.#$!':]/u.test(prev) ? null : REF.exec(rest);
    if (!ref || /^[\p{L}\p{N}_(!#]/u.test(rest.slice(ref[0].length))) {
      out += ch;
      i++;
      continue;
    }
    i += ref[0].length;
    const m = REF_PARTS.exec(ref[0]);
    if (!m) {
      out += ref[0];
      continue;
    }
    const { sheet, local } = splitSheetAddress(ref[0]);
    const change = edit(sheet, parseRect(local));
    if (!change) {
      out += ref[0];
      continue;
    }
    const prefix = change.sheet !== undefined ? `${quoteSheetName(change.sheet)}!` : m[1] ?? '';
    if (change.sheetGone) {
      out += `#REF!${ref[0].slice((m[1] ?? '').length)}`;
      continue;
    }
    if (change.rect === null) {
      out += `${prefix}#REF!`;
      continue;
    }
    const r = change.rect ?? parseRect(local);
    const end = (abs: string, c: number, absRow: string, row: number) => `${abs}${cellA1(0, c).replace(/\d+$/, '')}${absRow}${row + 1}`;
    let text = end(m[2], r.c0, m[4], r.r0);
    if (m[6] !== undefined || m[7] !== undefined) text += `:${end(m[6] ?? '', r.c1, m[8] ?? '', r.r1)}`;
    else if (r.r1 !== r.r0 || r.c1 !== r.c0) text += `:${end(m[2], r.c1, m[4], r.r1)}`;
    out += prefix + text;
  }
  return out;
}
