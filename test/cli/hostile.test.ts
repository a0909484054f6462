/**
 * Recipes of #15 checked one by one through the CLI (in-process): lost tables are never exit 0, 1e308
 * figures are findings (never ok), an annotated copy of a file with injection strings keeps them as text.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, strToU8 } from 'fflate';
import { RECIPES, rng } from '../fuzz/recipes';
import { readZip, writeZip } from '../fuzz/zip';
import { run } from './run';

const FIXTURES = path.join(__dirname, '../fixtures');
const recipe = (name: string) => RECIPES.find((r) => r.name === name)!;

let tmp: string;
let example: Uint8Array;
beforeAll(async () => {
  example = new Uint8Array(await fs.readFile(path.join(FIXTURES, 'example.xlsx')));
});
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jobtarget-hostile-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function check(name: string, bytes: Uint8Array, extra: string[] = []) {
  await fs.writeFile(path.join(tmp, name), bytes);
  const r = await run(['check', name, '--format', 'json', ...extra], { cwd: tmp });
  return { ...r, json: JSON.parse(r.out) as { files: { ok: boolean; error: string | null; findings: { rule: string; severity: string; cell: string; sheet: string }[] }[] } };
}

/** The example with one sheet's header rows merged (the labels under the merge are gone). */
function withMerge(sheetIndex: number, ref: string): Uint8Array {
  return writeZip(
    readZip(example).map((e) => {
      if (e.name !== `xl/worksheets/sheet${sheetIndex}.xml`) return e;
      const xml = strFromU8(e.data);
      const merged = /<mergeCells[^>]*>/.test(xml) ? xml.replace(/<mergeCells[^>]*>/, `<mergeCells><mergeCell ref="${ref}"/>`) : xml.replace('</sheetData>', `</sheetData><mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`);
      return { name: e.name, data: strToU8(merged) };
    }),
  );
}

describe('lost tables are visible', () => {
  it('every label blanked: not exit 0 (unreadable as a plan, exit 2)', async () => {
    const made = recipe('labels-blanked').make(example, rng(1));
    const r = await check('blanked.xlsx', made.bytes);
    expect(r.code).not.toBe(0);
    expect(r.json.files[0].ok).toBe(false);
  });

  it('every sheet merged over its used range: not exit 0', async () => {
    const r = await check('merged.xlsx', recipe('merge-over-labels').make(example, rng(1)).bytes);
    expect(r.code).not.toBe(0);
    expect(r.json.files[0].ok).toBe(false);
  });

  it('one sheet merged over its header labels: a structure finding (error) for that table, exit 1', async () => {
    // Sheet 3 of the example is 분야별 목표; its header rows are 3–4.
    const r = await check('one-merged.xlsx', withMerge(3, 'A3:H5'));
    expect(r.code).toBe(1);
    const structure = r.json.files[0].findings.filter((f) => f.rule === 'structure' && f.severity === 'error');
    expect(structure.length).toBeGreaterThan(0);
  });

  it('a whole-sheet merge (A1:XFD1048576) on a plan sheet: not exit 0', async () => {
    const r = await check('whole.xlsx', withMerge(4, 'A1:XFD1048576'));
    expect(r.code).not.toBe(0);
    expect(r.json.files[0].ok).toBe(false);
  });
});

describe('numbers stay finite through the CLI', () => {
  it('every figure 1e308: exit 1 with value-implausible findings (was ok:true, exit 0)', async () => {
    const r = await check('huge.xlsx', recipe('figures-1e308').make(example, rng(1)).bytes);
    expect(r.code).toBe(1);
    const f = r.json.files[0];
    expect(f.error).toBeNull();
    expect(f.ok).toBe(false);
    expect(f.findings.filter((x) => x.rule === 'value-implausible').length).toBeGreaterThan(20);
    // The sums disagree (1e308 ≠ 4 × 1e308) instead of overflowing into agreement.
    expect(f.findings.some((x) => /^(task|area|grand)-total$/.test(x.rule) && x.severity === 'error')).toBe(true);
  });

  it('every number 1e308, the header years included: still a report, not exit 0', async () => {
    const r = await check('years.xlsx', recipe('numbers-and-years-1e308').make(example, rng(1)).bytes);
    expect(r.code).not.toBe(0);
    expect(r.json.files[0].ok).toBe(false);
    expect(r.err).not.toMatch(/RangeError|Invalid array length/);
  });
});

describe('injection strings stay text in the annotated copy', () => {
  it('labels starting with = + - @ are inline strings on the 검증결과 sheet and in the notes', async () => {
    const made = recipe('injection-labels').make(example, rng(3));
    await fs.writeFile(path.join(tmp, 'inj.xlsx'), made.bytes);
    const r = await run(['check', 'inj.xlsx', '--annotate', 'out'], { cwd: tmp });
    expect(r.code).toBe(1);
    const copy = readZip(new Uint8Array(await fs.readFile(path.join(tmp, 'out', 'inj.검증.xlsx'))));
    const wb = strFromU8(copy.find((e) => e.name === 'xl/workbook.xml')!.data);
    const rid = /<sheet [^>]*name="검증결과"[^>]*r:id="(rId\d+)"/.exec(wb)![1];
    const rels = strFromU8(copy.find((e) => e.name === 'xl/_rels/workbook.xml.rels')!.data);
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
    const sheet = strFromU8(copy.find((e) => e.name === `xl/${target.replace(/^\/?xl\//, '')}`)!.data);
    // Our only formulas are the links; every other cell with text is an inline string.
    const formulas = [...sheet.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]);
    for (const f of formulas) expect(f).toMatch(/^HYPERLINK\(&quot;#'/);
  });
});
