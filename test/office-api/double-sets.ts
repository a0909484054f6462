/**
 * The double's requirement-set versions, read from @types/office-js's "[Api set: ExcelApi x.y]" notes
 * for the classes the double models. `npm run api-sets` (UPDATE_API_SETS=1) writes them to
 * test/office-double/api-sets.ts; test/office-api/double-sets.test.ts fails when that file is stale.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

export const MODELLED_CLASSES = [
  'Workbook',
  'WorksheetCollection',
  'Worksheet',
  'WorksheetFreezePanes',
  'PageLayout',
  'WorksheetProtection',
  'WorksheetChangedEventArgs',
  'Range',
  'RangeAreas',
  'RangeFormat',
  'RangeFill',
  'RangeFont',
  'RangeBorder',
  'RangeBorderCollection',
  'NoteCollection',
  'Note',
  'CommentCollection',
  'Comment',
  'CustomPropertyCollection',
  'CustomProperty',
];

export const GENERATED = path.resolve(__dirname, '../office-double/api-sets.ts');
const NOTE = /\[Api set: ExcelApi (\d+\.\d+)/;

function note(sf: ts.SourceFile, node: ts.Node): string | null {
  for (const r of (ts.getLeadingCommentRanges(sf.text, node.getFullStart()) ?? []).reverse()) {
    const m = NOTE.exec(sf.text.slice(r.pos, r.end));
    if (m) return m[1];
  }
  return null;
}

/** 'Class' and 'Class.member' → ExcelApi version, for the modelled classes (first declaration wins). */
export function readApiSets(): Record<string, string> {
  const file = require.resolve('@types/office-js/index.d.ts');
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const wanted = new Set(MODELLED_CLASSES);
  const out: Record<string, string> = {};
  const visit = (node: ts.Node, inExcel: boolean): void => {
    if (ts.isModuleDeclaration(node)) {
      const excel = inExcel || node.name.text === 'Excel';
      if (node.body) ts.forEachChild(node.body, (c) => visit(c, excel && node.name.text === 'Excel'));
      return;
    }
    if (inExcel && (ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node)) && node.name && wanted.has(node.name.text)) {
      const cls = node.name.text;
      const own = note(sf, node);
      if (own && !out[cls]) out[cls] = own;
      for (const m of node.members) {
        const name = m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? m.name.text : null;
        const v = name ? note(sf, m) : null;
        if (name && v && !out[`${cls}.${name}`]) out[`${cls}.${name}`] = v;
      }
    }
  };
  ts.forEachChild(sf, (c) => visit(c, false));
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function renderApiSets(sets: Record<string, string>): string {
  const lines = Object.entries(sets).map(([k, v]) => `  '${k}': '${v}',`);
  return [
    '/**',
    ' * GENERATED from the "[Api set: ExcelApi x.y]" notes of @types/office-js by test/office-api/double-sets.ts',
    ' * (UPDATE_API_SETS=1 npx jest test/office-api/double-sets.test.ts). Do not edit: the double takes every',
    ' * requirement-set version from here, so it enforces what the API reference says.',
    ' */',
    'export const API_SETS: Record<string, string> = {',
    ...lines,
    '};',
    '',
  ].join('\n');
}
