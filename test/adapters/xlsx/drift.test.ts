/**
 * The reader on drifted copies of the example (test/fixtures/drift-*.xlsx): every figure of the
 * example is read with the same value, at the cell the drift moved it to.
 */
import * as path from 'path';
import { readXlsxBuffer, readXlsxFile } from '../../../src/adapters/xlsx/read';
import type { CellRef, Plan } from '../../../src/core/model/plan';
import { nameKey } from '../../../src/core/template/description';
import { readPlan } from '../../../src/core/template/read';
import { validateGrid } from '../../../src/core/validate';
import { DRIFTS, buildDrift, type Drift, type Editor } from '../../support/fixtures';
import { planFigures } from './figures';

const FIXTURES = path.join(__dirname, '../../fixtures');

let example: Plan;
beforeAll(async () => {
  const read = await readXlsxFile(path.join(FIXTURES, 'example.xlsx'));
  const r = readPlan(read.grid);
  expect(r.problems).toEqual([]);
  example = r.plan;
});

const built = new Map<string, { buffer: Buffer; editor: Editor }>();
async function builtOf(d: Drift): Promise<{ buffer: Buffer; editor: Editor }> {
  if (!built.has(d.file)) built.set(d.file, await buildDrift(d));
  return built.get(d.file)!;
}
const editorOf = async (d: Drift) => (await builtOf(d)).editor;

const refText = (r: CellRef | null) => (r ? `${r.sheet}!${r.cell}` : 'deleted');

describe.each(DRIFTS.map((d) => [d.file, d] as const))('%s', (file, drift) => {
  it('is up to date with its generator (npm run fixtures)', async () => {
    const fresh = await readXlsxBuffer((await builtOf(drift)).buffer);
    expect((await readXlsxFile(path.join(FIXTURES, file))).grid).toEqual(fresh.grid);
  });

  it(`reads the example's figures, at the moved cells (${drift.description})`, async () => {
    const editor = await editorOf(drift);
    const read = await readXlsxFile(path.join(FIXTURES, file));
    const { plan, problems } = readPlan(read.grid);
    expect(problems).toEqual([]);
    const got = planFigures(plan);
    const want = planFigures(example);
    const removed = new Set((drift.removedSubprojects ?? []).map(nameKey));
    const changed = new Map((drift.changedValues ?? []).map((c) => [refText(c.ref), c.value]));
    const mismatches: string[] = [];
    for (const [key, f] of want) {
      const sub = key.split(':')[1];
      if (removed.has(sub)) {
        expect(got.has(key)).toBe(false);
        continue;
      }
      const g = got.get(key);
      const where = editor.mapRef(f.ref);
      const value = changed.get(refText(f.ref)) ?? f.value;
      if (!g) mismatches.push(`${key}: missing`);
      else if (g.value !== value || refText(g.ref) !== refText(where)) mismatches.push(`${key}: ${g.value}@${refText(g.ref)} ≠ ${value}@${refText(where)}`);
    }
    const added = drift.addedSubprojects ?? [];
    for (const a of added) {
      const key = `과제${a.task}:${nameKey(a.name)}`;
      expect(['합계', 2023, 2024, 2025, 2026].map((y) => got.get(`${key}:성과목표:${y}`)?.value)).toEqual(a.target);
      expect(['합계', 2023, 2024, 2025, 2026].map((y) => got.get(`${key}:소요예산:${y}`)?.value)).toEqual(a.budget);
    }
    // Nothing read that the example does not have, besides the added 세부사업.
    const extra = [...got.keys()].filter((k) => !want.has(k) && !added.some((a) => k.startsWith(`과제${a.task}:${nameKey(a.name)}:`)));
    expect(extra).toEqual([]);
    expect(mismatches).toEqual([]);
    expect(plan.tasks.map((t) => t.no)).toEqual(example.tasks.map((t) => t.no));
    expect(plan.areas.map((a) => nameKey(a.name))).toEqual(example.areas.map((a) => nameKey(a.name)));
  });

  if (drift.sameFindings) {
    it('gives the same findings as the example, at the moved cells', async () => {
      const editor = await editorOf(drift);
      const ex = validateGrid((await readXlsxFile(path.join(FIXTURES, 'example.xlsx'))).grid);
      const dr = validateGrid((await readXlsxFile(path.join(FIXTURES, file))).grid);
      const key = (rule: string, id: string, sheet: string, cell: string, e: unknown, a: unknown, t: unknown) => JSON.stringify([rule, id, sheet, cell, e, a, t]);
      const want = ex.findings.map((f) => {
        const at = editor.mapRef({ sheet: f.sheet, cell: f.cell });
        return key(f.rule, f.messageId, at?.sheet ?? '', at?.cell ?? '', f.expected, f.actual, f.tolerance);
      });
      const got = dr.findings.map((f) => key(f.rule, f.messageId, f.sheet, f.cell, f.expected, f.actual, f.tolerance));
      expect(got.sort()).toEqual(want.sort());
    });
  }
});

describe('drifts with new content', () => {
  it('text numbers are read as numbers and flagged as stored text', async () => {
    const read = await readXlsxFile(path.join(FIXTURES, 'drift-text-numbers.xlsx'));
    const { plan } = readPlan(read.grid);
    const area = plan.areas[0];
    expect(area.target.total).toMatchObject({ value: 9454, state: 'text-number', raw: '9,454' });
    const ind = plan.indicators[0];
    expect(ind.base).toMatchObject({ value: 68.6, raw: '68.6%' });
    expect(ind.statedChange).toMatchObject({ value: 2, raw: '2.0%p' });
    const sp = plan.tasks[0].subprojects[0];
    expect(sp.target.years[0]).toMatchObject({ value: -12, raw: '△12' });
    const dash = plan.tasks[0].total!.target.years[2];
    expect(dash).toMatchObject({ value: 0, state: 'dash', raw: '-' });
    const v = validateGrid(read.grid);
    expect(v.findings.some((f) => f.rule === 'value-text-number')).toBe(true);
  });

  it('a 세부사업 added to ① is part of its sum: 총계 now disagrees with the parts', async () => {
    const read = await readXlsxFile(path.join(FIXTURES, 'drift-subproject-added.xlsx'));
    const v = validateGrid(read.grid);
    const f = v.findings.find((x) => x.rule === 'task-total' && x.cell === 'C7');
    expect(f).toBeDefined();
    expect(f!.cells).toContain('실천과제!C9');
  });
});
