/**
 * The fuzz corpus is part of the tests (#15): a sample of damaged and crafted workbooks, made from the
 * fixtures by the seeded recipes of test/fuzz/recipes.ts, goes through the compiled CLI in ONE batch
 * call. Every file must be reported, without library text, damaged files as damaged, lost tables and
 * 1e308 figures never as ok, within the memory limit. `npm run fuzz` runs thousands and prints the table.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HEAVY, generateCorpus, outcomeTable, outcomes, recipeTable, runCli, type CorpusFile, type Outcomes } from './corpus';
import { RECIPES } from './recipes';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const OUT = path.join(ROOT, '.cache', 'test-fuzz-build');
const MAIN = path.join(OUT, 'cli', 'main.js');
const SAMPLE = Number(process.env.JOBTARGET_FUZZ_SAMPLE ?? 240);
const SEED = 15;
const LIMIT_S = 600;
const JOBS = 2;

let tmp: string;
let corpus: CorpusFile[];
let o: Outcomes;

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json', '--outDir', OUT, '--sourceMap', 'false'], { cwd: ROOT, stdio: 'pipe' });
  tmp = mkdtempSync(path.join(os.tmpdir(), 'jt-fuzz-'));
  const bases = ['example.xlsx', 'blank-2027.xlsx', 'drift-merged.xlsx', 'drift-text-numbers.xlsx'].map((f) => path.join(FIXTURES, f));
  corpus = generateCorpus({ seed: SEED, count: SAMPLE, bases, dir: path.join(tmp, 'corpus') });
  const run = await runCli(MAIN, ['corpus', '--format', 'json', '--jobs', String(JOBS)], tmp, LIMIT_S * 1000);
  // One file of each heavy recipe again on its own, for its own peak memory.
  const singles = [];
  for (const name of HEAVY) {
    const c = corpus.find((x) => x.recipe === name);
    if (c) singles.push({ file: c.file, run: await runCli(MAIN, [path.join('corpus', c.file), '--format', 'json'], tmp, 120_000) });
  }
  o = outcomes(corpus, 'corpus', run, singles, JOBS);
  // The table is worth seeing when something fails.
  process.stdout.write(`\nfuzz sample (seed ${SEED}, ${SAMPLE} files, ${Math.round(run.ms / 1000)} s):\n${outcomeTable(o, LIMIT_S)}\n\n${recipeTable(o)}\n`);
}, 900_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe(`fuzz sample through one batch call`, () => {
  it('covers every recipe', () => {
    expect(new Set(corpus.map((c) => c.recipe))).toEqual(new Set(RECIPES.map((r) => r.name)));
  });

  it('reports every file; nothing hangs', () => {
    expect(o.hangs).toEqual([]);
    expect(o.reported).toBe(corpus.length);
  });

  it('stays under 512 MB per file (each heavy file run alone)', () => {
    expect(o.peakMb).not.toBeNull();
    expect(o.singlePeakMb).not.toBeNull();
    expect(o.overMemory).toEqual([]);
  });

  it('shows no library text to the user', () => {
    expect(o.internalText).toEqual([]);
  });

  it('never reads a damaged file as intact', () => {
    expect(o.damagedAsIntact).toEqual([]);
  });

  it('never passes lost tables or 1e308 figures (exit 0)', () => {
    expect(o.lostWithExit0).toEqual([]);
  });
});
