/**
 * The streaming reader against exceljs on every fixture: the same sheets, cells, values, formulas,
 * number formats and merges. The one difference allowed is a cached formula result of 0, which
 * exceljs drops (its issue #2943) and the streaming reader keeps.
 */
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import type { GridCell, GridWorkbook } from '../../../src/core/grid/grid';
import { loadXlsx, readXlsxBuffer, workbookToGrid } from '../../../src/adapters/xlsx/read';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? fixtureFiles(path.join(dir, e.name)) : e.name.endsWith('.xlsx') ? [path.join(dir, e.name)] : [],
  );
}

/** Every cell as "sheet!r,c" → JSON, skipping empty ones. */
function cellsOf(grid: GridWorkbook): Map<string, GridCell> {
  const out = new Map<string, GridCell>();
  for (const s of grid.sheets) {
    s.rows.forEach((row, r) => row?.forEach((cell, c) => cell && out.set(`${s.name}!${r},${c}`, cell)));
  }
  return out;
}

// The broken fixtures are for error tests (both readers must refuse them, below); no-tables.xlsx is readable.
const readable = fixtureFiles(FIXTURES).filter((f) => !f.includes(`${path.sep}broken${path.sep}`) || path.basename(f) === 'no-tables.xlsx');

describe('streaming reader = exceljs on every fixture', () => {
  it('has fixtures to compare', () => expect(readable.length).toBeGreaterThanOrEqual(8));

  it.each(readable.map((f) => [path.relative(FIXTURES, f), f]))('%s', async (_name, file) => {
    const buf = readFileSync(file);
    const mine = await readXlsxBuffer(buf, file);
    const theirs = workbookToGrid(await loadXlsx(buf, file));
    expect(mine.grid.sheets.map((s) => s.name)).toEqual(theirs.grid.sheets.map((s) => s.name));
    expect(mine.hiddenSheets).toEqual(theirs.hiddenSheets);
    mine.grid.sheets.forEach((s, i) => expect([...s.merges].sort()).toEqual([...theirs.grid.sheets[i].merges].sort()));
    const a = cellsOf(mine.grid);
    const b = cellsOf(theirs.grid);
    const differences: string[] = [];
    for (const key of new Set([...a.keys(), ...b.keys()])) {
      const x = a.get(key);
      const y = b.get(key);
      if (JSON.stringify(x) === JSON.stringify(y)) continue;
      // exceljs reads a cached 0 as no result: allowed, and only that.
      if (x?.formula !== undefined && x.value === 0 && y?.formula === x.formula && y.value === null && x.numFmt === y.numFmt) continue;
      differences.push(`${key}: ${JSON.stringify(x)} ≠ ${JSON.stringify(y)}`);
    }
    expect(differences).toEqual([]);
    expect(a.size).toBeGreaterThan(0);
  });

  it('both refuse the broken fixtures', async () => {
    for (const f of fixtureFiles(path.join(FIXTURES, 'broken')).filter((f) => !f.endsWith('no-tables.xlsx'))) {
      const buf = readFileSync(f);
      await expect(readXlsxBuffer(buf, f)).rejects.toMatchObject({ name: 'InputReadError' });
      await expect(loadXlsx(buf, f)).rejects.toMatchObject({ name: 'InputReadError' });
    }
  });
});
