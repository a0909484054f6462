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

/** The last row's number as text: readers make the addresses of a row's cells one after another. */
let lastRow = -1;
let lastRowText = '';

export function a1(row: number, col: number): string {
  if (row !== lastRow) {
    lastRowText = String(row + 1);
    lastRow = row;
  }
  return columnLetters(col) + lastRowText;
}

export function parseA1(address: string): { row: number; col: number } {
  return scanA1(address, 0, address.length) ? { row: scannedRow, col: scannedCol } : parseA1Text(address);
}

/** What scanA1 read last. */
let scannedRow = 0;
let scannedCol = 0;

/**
 * The usual form (C12: capitals then up to 9 digits) of address[start, end), without a regular
 * expression or a substring: true with the row and column in scannedRow/scannedCol, false for anything else.
 */
function scanA1(address: string, start: number, end: number): boolean {
  let i = start;
  let col = 0;
  for (; i < end && i < start + 3; i++) {
    const ch = address.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  if (i > start && i < end && end - i <= 9) {
    let row = 0;
    let j = i;
    for (; j < end; j++) {
      const d = address.charCodeAt(j) - 48;
      if (d < 0 || d > 9) break;
      row = row * 10 + d;
    }
    if (j === end) {
      scannedRow = row - 1;
      scannedCol = col - 1;
      return true;
    }
  }
  return false;
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
  // As range.split(':') would give [from, to] (to: the second part; from itself without a colon), read in place.
  const colon = range.indexOf(':');
  const fromEnd = colon < 0 ? range.length : colon;
  const toStart = colon < 0 ? 0 : colon + 1;
  const next = colon < 0 ? -1 : range.indexOf(':', toStart);
  const toEnd = next < 0 ? range.length : next;
  let ar: number;
  let ac: number;
  if (scanA1(range, 0, fromEnd)) {
    ar = scannedRow;
    ac = scannedCol;
  } else {
    ({ row: ar, col: ac } = parseA1Text(range.slice(0, fromEnd)));
  }
  let br: number;
  let bc: number;
  if (scanA1(range, toStart, toEnd)) {
    br = scannedRow;
    bc = scannedCol;
  } else {
    ({ row: br, col: bc } = parseA1Text(range.slice(toStart, toEnd)));
  }
  return { r0: Math.min(ar, br), c0: Math.min(ac, bc), r1: Math.max(ar, br), c1: Math.max(ac, bc) };
}

/** 'Sheet Name'!C5 — quoted the way Excel quotes sheet names in formulas and links. */
export function qualified(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}

/** Sheet names met so far → their quoted form (a workbook has a few sheets; a finding may name 10,000 cells on one). */
const quoted = new Map<string, string>();

export function quoteSheet(sheet: string): string {
  let q = quoted.get(sheet);
  if (q !== undefined) return q;
  // Letters (Korean included), digits, _ and . need no quotes; anything else (a space) does.
  q = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  // A bound, should a caller quote ever-new names: start afresh rather than grow.
  if (quoted.size >= 1000) quoted.clear();
  quoted.set(sheet, q);
  return q;
}

/** Splits a sheet-qualified address back into its parts. */
export function splitQualified(ref: string): { sheet: string; address: string } {
  const i = ref.lastIndexOf('!');
  if (i < 0) throw new Error(`Not a sheet-qualified address: ${ref}`);
  let sheet = ref.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: ref.slice(i + 1) };
}
