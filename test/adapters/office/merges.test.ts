/**
 * Range.getMergedAreasOrNullObject refuses more than 512 merged areas (and returns only areas whose
 * top-left cell is in the range); the double enforces both. Reading merges in bands keeps every check
 * working: a 1,200-세부사업 실천과제 sheet (≈1,200 merged areas) and a pathological sheet with 600 merged
 * areas in 100 rows.
 */
import { validate } from '../../../src/adapters/office';
import { Meter } from '../../../src/adapters/office/host';
import { collectGrid, mergedAreasOf, readSheets } from '../../../src/adapters/office/read';
import { blankDraft } from '../../../src/core/template/blank';
import { rectA1, seedCell, type ExcelDouble } from '../../office-double';
import { coreFindings, findingKeys, inserted } from './helpers';

async function readMerges(x: ExcelDouble): Promise<{ merges: Record<string, string[]>; mergesMissing: boolean; syncs: number }> {
  return x.host.run(async (ctx) => {
    const meter = new Meter();
    const names = x.workbook.sheets.map((s) => s.name);
    const { reads, mergesMissing } = await readSheets(ctx, names, mergedAreasOf, meter, () => undefined);
    const { grid } = collectGrid(reads);
    return { merges: Object.fromEntries(grid.sheets.map((s) => [s.name, [...s.merges].sort()])), mergesMissing, syncs: meter.syncs };
  });
}

function modelMerges(x: ExcelDouble): Record<string, string[]> {
  return Object.fromEntries(x.workbook.sheets.map((s) => [s.name, [...s.merges].sort()]));
}

test('the double refuses more than 512 merged areas, and lists only areas starting in the range', async () => {
  const x = await inserted(blankDraft({ subprojectsPerTask: 300, areas: 2 }));
  const sheet = x.workbook.sheets.find((s) => s.merges.length > 512)!;
  expect(sheet).toBeDefined();
  await expect(
    x.host.run(async (ctx) => {
      const areas = ctx.workbook.worksheets.getItem(sheet.name).getUsedRange().getMergedAreasOrNullObject();
      areas.load('address');
      await ctx.sync();
    }),
  ).rejects.toThrow(/512/);
  const first = sheet.merges.map((m) => m).find((m) => /^[A-Z]+\d+:[A-Z]+\d+$/.test(m) && m.split(':')[0] !== m.split(':')[1])!;
  const [, r0, r1] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(first)!.map(Number);
  if (r1 > r0) {
    const below = await x.host.run(async (ctx) => {
      const areas = ctx.workbook.worksheets.getItem(sheet.name).getRange(`${r0 + 1}:${r1}`).getMergedAreasOrNullObject();
      areas.load('address');
      await ctx.sync();
      return areas.isNullObject ? '' : areas.address;
    });
    expect(below).not.toContain(first);
  }
});

test('a plan with 1,200 세부사업 (more than 512 merged areas on one sheet): every merge read, in the same round trip', async () => {
  const draft = blankDraft({ subprojectsPerTask: 300, areas: 4 });
  const x = await inserted(draft);
  expect(Math.max(...x.workbook.sheets.map((s) => s.merges.length))).toBeGreaterThan(512);
  const r = await readMerges(x);
  expect(r.merges).toEqual(modelMerges(x));
  expect(r.mergesMissing).toBe(false);
  expect(r.syncs).toBe(1);
  const v = await validate(x.host, { lang: 'ko', highlight: false });
  expect(findingKeys(v.result.findings)).toEqual(findingKeys(coreFindings(draft)));
  expect(v.degraded ?? []).toEqual([]);
}, 60_000);

test('600 merged areas in 100 rows: the blind band is refused, the merges are read in exact bands, the check does not fail', async () => {
  const x = await inserted();
  const junk = x.workbook.sheets[0]; // 'Sheet1', next to the plan
  for (let r = 0; r < 100; r++) {
    for (let k = 0; k < 6; k++) {
      seedCell(junk, rectA1({ r0: r, c0: 2 * k, r1: r, c1: 2 * k }), r * 6 + k);
      junk.merges.push(rectA1({ r0: r, c0: 2 * k, r1: r, c1: 2 * k + 1 }));
    }
  }
  const r = await readMerges(x);
  expect(r.merges).toEqual(modelMerges(x));
  expect(r.mergesMissing).toBe(false);
  const v = await validate(x.host, { lang: 'ko', highlight: true });
  expect(findingKeys(v.result.findings)).toEqual(findingKeys(coreFindings()));
  expect(v.marked).toBeGreaterThan(0);
});
