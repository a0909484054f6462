/**
 * `check --example` reads the examples from assets/examples (scripts/make-examples.mjs) instead of
 * rendering them: each shipped workbook must hold exactly what a fresh render of its draft holds —
 * sheets, every cell's value, formula and number format, merged ranges, hidden sheets — and be what
 * `check --example` reads.
 */
import { promises as fs } from 'fs';
import { readXlsxBuffer } from '../../src/adapters/xlsx/read';
import { draftToBuffer } from '../../src/adapters/xlsx/write';
import { checkExample } from '../../src/cli/check';
import { exampleAsset, exampleBytes, exampleFile } from '../../src/cli/examples';
import { EXAMPLES } from '../../src/core/examples';
import { EXAMPLE_NAMES } from '../../src/core/examples/names';
import type { GridWorkbook } from '../../src/core/grid/grid';

const REGENERATE = 'assets/examples is out of date: run `npm run build:cli && node scripts/make-examples.mjs` and commit the workbooks';

/** Every filled cell as "Sheet!r,c value formula numFmt", and each sheet's merges, in a stable order. */
function contents(grid: GridWorkbook): { sheets: string[]; cells: string[]; merges: string[] } {
  const cells: string[] = [];
  const merges: string[] = [];
  for (const s of grid.sheets) {
    s.rows.forEach((row, r) =>
      row?.forEach((x, c) => {
        if (x && (x.value !== null || x.formula || x.numFmt)) cells.push(`${s.name}!${r},${c} ${JSON.stringify(x.value)} ${x.formula ?? ''} ${x.numFmt ?? ''}`);
      }),
    );
    for (const m of [...s.merges].sort()) merges.push(`${s.name}!${m}`);
  }
  return { sheets: grid.sheets.map((s) => s.name), cells, merges };
}

describe.each(EXAMPLE_NAMES)('assets/examples/%s.xlsx', (name) => {
  it('holds what a fresh render of the example holds', async () => {
    const shipped = await readXlsxBuffer(await fs.readFile(exampleAsset(name)), `${name}.xlsx`);
    const fresh = await readXlsxBuffer(await draftToBuffer(EXAMPLES[name].draft, { formulas: false }), `${name}.xlsx`);
    const a = contents(shipped.grid);
    const b = contents(fresh.grid);
    expect(b.cells.length).toBeGreaterThan(50);
    expect(b.merges.length).toBeGreaterThan(0);
    if (JSON.stringify(a) !== JSON.stringify(b) || shipped.hiddenSheets.join() !== fresh.hiddenSheets.join()) throw new Error(REGENERATE);
    expect(a).toEqual(b);
    expect(shipped.hiddenSheets).toEqual(fresh.hiddenSheets);
  });

  it('is what check --example reads', async () => {
    const bytes = await fs.readFile(exampleAsset(name));
    expect((await exampleBytes(name)).equals(bytes)).toBe(true);
    const checked = await checkExample(name, 'ko');
    expect(checked.report.file).toBe(exampleFile(name));
    expect(checked.read?.buffer?.equals(bytes)).toBe(true);
  });
});

it('every example has a shipped workbook', () => {
  expect(Object.keys(EXAMPLES).sort()).toEqual([...EXAMPLE_NAMES].sort());
});

describe('check --example at start-up', () => {
  beforeEach(() => {
    jest.resetModules();
    jest.doMock('exceljs', () => {
      throw new Error('exceljs was loaded');
    });
  });
  afterEach(() => jest.dontMock('exceljs'));

  it('does not load exceljs (the workbook writer): it reads the shipped workbook', async () => {
    const { main } = await import('../../src/cli/program');
    let out = '';
    let err = '';
    const code = await main(['check', '--example', '--format', 'json'], { stdout: { write: (s: string) => void (out += s) }, stderr: { write: (s: string) => void (err += s) } });
    expect(err).toBe('');
    expect(code).toBe(1); // the example has errors of its own
    expect(JSON.parse(out).files[0].file).toBe(exampleFile('incheon-seogu-2023'));
  });
});
