/** Sheet names: what the workbook has, and free names for a new plan so nothing is ever overwritten. */
import { DEFAULT_SHEET_NAMES } from '../../core/template/render';
import type { ExcelHost, SheetNames, SheetRole } from './api';
import { Meter } from './host';

const ROLES = Object.keys(DEFAULT_SHEET_NAMES) as SheetRole[];
const MAX_SHEET_NAME = 31;

/** Excel compares sheet names case-insensitively. */
function key(name: string): string {
  return name.toLocaleLowerCase();
}

/** Removes what Excel does not allow in a sheet name and keeps it within 31 characters. */
export function cleanSheetName(name: string): string {
  const s = name.replace(/[\[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim();
  return (s || 'Sheet').slice(0, MAX_SHEET_NAME);
}

/** `base` if free, else "base (2)", "base (3)" … (shortened to fit 31 characters). */
export function freeName(base: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map(key));
  const clean = cleanSheetName(base);
  if (!used.has(key(clean))) return clean;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = `${clean.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(key(name))) return name;
  }
}

/** Free names for every template sheet, given the workbook's sheet names (and wanted overrides). */
export function planSheetNames(existing: readonly string[], wanted: Partial<SheetNames> = {}): SheetNames {
  const taken = new Set(existing);
  const out = {} as SheetNames;
  for (const role of ROLES) {
    const name = freeName(wanted[role] ?? DEFAULT_SHEET_NAMES[role], taken);
    out[role] = name;
    taken.add(name);
  }
  return out;
}

/** Names of every sheet in the workbook, hidden ones included (they are taken too). */
export async function existingSheetNames(host: ExcelHost): Promise<string[]> {
  return host.run(async (ctx) => {
    const meter = new Meter();
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await meter.sync(ctx);
    return sheets.items.map((s) => s.name);
  });
}
