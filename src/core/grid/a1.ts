/** A1-style cell addresses. Rows and columns are 0-based inside the code, 1-based in A1 text. */

/** Letters of the first columns, built once: A1 addresses are made for every figure read. */
const LETTERS: string[] = [];

export function columnLetters(col: number): string {
  if (col >= 0 && col < 256 && Number.isInteger(col)) return (LETTERS[col] ??= lettersOf(col));
  return lettersOf(col);
}

function lettersOf(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function parseA1(address: string): { row: number; col: number } {
  // The usual form (C12: capitals then up to 9 digits) without a regular expression; anything else below.
  const len = address.length;
  let i = 0;
  let col = 0;
  for (; i < len && i < 3; i++) {
    const ch = address.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  if (i > 0 && i < len && len - i <= 9) {
    let row = 0;
    let j = i;
    for (; j < len; j++) {
      const d = address.charCodeAt(j) - 48;
      if (d < 0 || d > 9) break;
      row = row * 10 + d;
    }
    if (j === len) return { row: row - 1, col: col - 1 };
  }
  return parseA1Text(address);
}

function parseA1Text(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`Not an A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function rangeA1(r0: number, c0: number, r1: number, c1: number): string {
  return `${a1(r0, c0)}:${a1(r1, c1)}`;
}

export function parseRange(range: string): { r0: number; c0: number; r1: number; c1: number } {
  const [from, to] = range.split(':');
  const a = parseA1(from);
  const b = parseA1(to ?? from);
  return { r0: Math.min(a.row, b.row), c0: Math.min(a.col, b.col), r1: Math.max(a.row, b.row), c1: Math.max(a.col, b.col) };
}

/** 'Sheet Name'!C5 — quoted the way Excel quotes sheet names in formulas and links. */
export function qualified(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}

export function quoteSheet(sheet: string): string {
  // Letters (Korean included), digits, _ and . need no quotes; anything else (a space) does.
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** Splits a sheet-qualified address back into its parts. */
export function splitQualified(ref: string): { sheet: string; address: string } {
  const i = ref.lastIndexOf('!');
  if (i < 0) throw new Error(`Not a sheet-qualified address: ${ref}`);
  let sheet = ref.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: ref.slice(i + 1) };
}
