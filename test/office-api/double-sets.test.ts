/**
 * The double's version numbers come from @types/office-js (not typed by hand): the generated table is
 * current, every version the double enforces is looked up in it, and no version literal is left.
 */
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { GENERATED, readApiSets, renderApiSets } from './double-sets';

const sets = readApiSets();

test('test/office-double/api-sets.ts is generated from the current @types/office-js', () => {
  const text = renderApiSets(sets);
  if (process.env.UPDATE_API_SETS === '1') writeFileSync(GENERATED, text);
  expect(readFileSync(GENERATED, 'utf8')).toBe(text);
  // Spot checks against the reference.
  expect(sets['RangeAreas.select']).toBe('1.18');
  expect(sets['Range.getMergedAreasOrNullObject']).toBe('1.13');
  expect(sets['Range.copyFrom']).toBe('1.9');
  expect(sets['Workbook.notes']).toBe('1.18');
});

test('the double looks every version up (since(…)) and types none by hand', () => {
  const src = readFileSync(path.resolve(__dirname, '../office-double/double.ts'), 'utf8');
  const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const literals = [...code.matchAll(/'(1\.\d+)'/g)].map((m) => m[0]);
  // Only the default host version of createExcelDouble remains (a host, not an API).
  expect(literals).toEqual(["'1.18'"]);
  const keys = [...code.matchAll(/since\('([^'`]+)'\)/g)].map((m) => m[1]);
  expect(keys.length).toBeGreaterThan(30);
  for (const k of keys) expect({ k, v: sets[k] ?? sets[k.split('.')[0]] }).toEqual({ k, v: expect.stringMatching(/^1\.\d+$/) });
});
