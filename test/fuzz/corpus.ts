/**
 * The fuzz corpus (#15): files made from the fixtures by the recipes, reproducibly from a seed, and
 * the outcome table of one batch call of the real CLI over them.
 */
import { spawn } from 'child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { RECIPES, rng, type Expect } from './recipes';

export interface CorpusFile {
  /** Path relative to the corpus folder. */
  file: string;
  recipe: string;
  base: string;
  expect: Expect;
  detail: string;
}

/**
 * Writes `count` files into `dir`: first one of every recipe (so a sample covers them all), then
 * recipes drawn by weight; bases drawn from `bases`. The same seed gives the same files.
 */
export function generateCorpus(opts: { seed: number; count: number; bases: string[]; dir: string; heavy?: boolean }): CorpusFile[] {
  const r = rng(opts.seed);
  const bases = opts.bases.map((b) => ({ name: path.basename(b, '.xlsx'), bytes: new Uint8Array(readFileSync(b)) }));
  const recipes = RECIPES;
  const total = recipes.reduce((s, x) => s + x.weight, 0);
  const byWeight = () => {
    let t = r.next() * total;
    for (const x of recipes) if ((t -= x.weight) < 0) return x;
    return recipes[recipes.length - 1];
  };
  mkdirSync(opts.dir, { recursive: true });
  const out: CorpusFile[] = [];
  for (let i = 0; i < opts.count; i++) {
    const recipe = i < recipes.length ? recipes[i] : byWeight();
    const base = i < recipes.length ? bases[i % bases.length] : r.pick(bases);
    const made = recipe.make(base.bytes, r);
    const file = `${String(i).padStart(4, '0')}-${recipe.name}-${base.name}.xlsx`;
    writeFileSync(path.join(opts.dir, file), made.bytes);
    out.push({ file, recipe: recipe.name, base: base.name, expect: made.expect, detail: made.detail });
  }
  writeFileSync(path.join(opts.dir, 'corpus.json'), JSON.stringify(out, null, 1));
  return out;
}

export interface BatchRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the whole batch (main thread and every worker), in MB. */
  peakMb: number | null;
  ms: number;
  killed: boolean;
}

/** Runs the compiled CLI once: `check <args>`, with the peak memory recorded at exit. */
export function runCli(mainJs: string, args: string[], cwd: string, timeoutMs: number): Promise<BatchRun> {
  const rssFile = path.join(cwd, `.rss-${process.pid}-${Date.now()}`);
  // Next to this file in the sources; from a compiled copy (npm run fuzz), in the sources under the working folder.
  const hook = [path.join(__dirname, 'rss-hook.js'), path.join(process.cwd(), 'test', 'fuzz', 'rss-hook.js')].find((f) => existsSync(f))!;
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', hook, mainJs, 'check', ...args], { cwd, env: { ...process.env, JOBTARGET_RSS_FILE: rssFile } });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      let peakMb: number | null = null;
      try {
        peakMb = Math.round(Number(readFileSync(rssFile, 'utf8')) / 1024);
      } catch {
        /* killed before it could write */
      }
      resolve({ status, stdout, stderr, peakMb, ms: Date.now() - started, killed });
    });
  });
}

/** Library text that must never reach a user. */
export const INTERNAL_TEXT = /Cannot (?:read|set) propert|undefined|Bug :|TypeError|RangeError|is not a function|Invalid row|Cannot merge|uncompressed data size|Unexpected (?:token|end)|\bat \S+\.js:\d+|ENAMETOOLONG|Maximum call stack/;

export interface Outcomes {
  files: number;
  reported: number;
  /** No answer: the batch was killed at its time limit, or the file is missing from the report. */
  hangs: string[];
  /** Stopped by the per-file time budget (a clear line: counted, not a failure). */
  timeBudget: string[];
  /** Files (and the batch) whose peak memory went over the limit. */
  overMemory: string[];
  /** Peak of the whole batch (every worker included). */
  peakMb: number | null;
  /** Peak of the heaviest single-file run, and that file. */
  singlePeakMb: number | null;
  singlePeakFile: string | null;
  internalText: string[];
  damagedAsIntact: string[];
  lostWithExit0: string[];
  /** Every file of a recipe, and how many were unreadable / had errors / passed. */
  byRecipe: Record<string, { files: number; unreadable: number; errors: number; ok: number }>;
  ms: number;
}

interface JsonFile {
  file: string;
  ok: boolean;
  error: string | null;
  summary: { error: number };
}

/** Recipes whose files are also run one by one, each under the memory limit on its own. */
export const HEAVY = new Set(['million-rows', 'bomb-junk-part', 'bomb-lying-sheet', 'bomb-honest-sheet', 'merges-20000', 'validation-huge', 'merge-whole-sheet', 'stray-far-cell', 'row-1e9', 'merge-band']);

/**
 * Outcomes of one batch call (`run`), plus single-file runs (`singles`: peak memory of each heavy file
 * checked alone, since the batch's workers share one process). `jobs` workers may each hold a file:
 * the batch may use up to jobs × the limit.
 */
export function outcomes(corpus: CorpusFile[], dirArg: string, run: BatchRun, singles: { file: string; run: BatchRun }[] = [], jobs = 1, memoryLimitMb = 512): Outcomes {
  let files: JsonFile[] = [];
  try {
    files = (JSON.parse(run.stdout) as { files: JsonFile[] }).files;
  } catch {
    files = [];
  }
  const byName = new Map(files.map((f) => [f.file, f]));
  const o: Outcomes = {
    files: corpus.length,
    reported: 0,
    hangs: [],
    timeBudget: [],
    overMemory: [],
    peakMb: run.peakMb,
    singlePeakMb: singles.length ? Math.max(...singles.map((x) => x.run.peakMb ?? Infinity)) : null,
    singlePeakFile: singles.length ? singles.reduce((a, b) => ((b.run.peakMb ?? Infinity) > (a.run.peakMb ?? Infinity) ? b : a)).file : null,
    internalText: [],
    damagedAsIntact: [],
    lostWithExit0: [],
    byRecipe: {},
    ms: run.ms,
  };
  const stderrLines = run.stderr.split('\n');
  for (const c of corpus) {
    const stat = (o.byRecipe[c.recipe] ??= { files: 0, unreadable: 0, errors: 0, ok: 0 });
    stat.files += 1;
    const rep = byName.get(path.join(dirArg, c.file));
    const label = `${c.file} (${c.detail})`;
    if (!rep) {
      o.hangs.push(label);
      continue;
    }
    o.reported += 1;
    if (rep.error !== null) stat.unreadable += 1;
    else if (rep.summary.error > 0) stat.errors += 1;
    else stat.ok += 1;
    const said = [rep.error ?? '', ...stderrLines.filter((l) => l.includes(c.file))].join('\n');
    if (INTERNAL_TEXT.test(said)) o.internalText.push(`${label}: ${said.split('\n').find((l) => INTERNAL_TEXT.test(l))}`);
    if (rep.error && /초가 넘게 걸려 멈췄습니다|time budget/.test(rep.error)) o.timeBudget.push(label);
    if (c.expect === 'damaged' && rep.error === null) o.damagedAsIntact.push(label);
    if ((c.expect === 'lost' || c.expect === 'not-ok') && rep.ok) o.lostWithExit0.push(label);
  }
  if (run.killed) o.hangs.push(`the batch itself: killed after ${Math.round(run.ms / 1000)} s`);
  // The limit is per file (as #15 measures it): each heavy file is run alone for that. The batch's own
  // peak (every worker and the main thread of one process) is shown in the table, not judged.
  void jobs;
  for (const s of singles) {
    if (s.run.peakMb === null || s.run.peakMb > memoryLimitMb) o.overMemory.push(`${s.file} alone: ${s.run.peakMb ?? '?'} MB`);
    if (s.run.killed) o.hangs.push(`${s.file} alone: killed after ${Math.round(s.run.ms / 1000)} s`);
  }
  return o;
}

/** The outcome table of the issue, as Markdown. */
export function outcomeTable(o: Outcomes, limitS: number, memoryLimitMb = 512): string {
  const rows: [string, string][] = [
    [`hangs (no answer within ${limitS} s, or missing from the report)`, String(o.hangs.length)],
    [`runs over ${memoryLimitMb} MB (each heavy file run alone; highest ${o.singlePeakMb ?? '?'} MB, ${o.singlePeakFile ?? '-'})`, String(o.overMemory.length)],
    ['internal error texts shown to the user', String(o.internalText.length)],
    ['damaged files read as intact', String(o.damagedAsIntact.length)],
    ['lost tables (or 1e308 figures) with exit 0', String(o.lostWithExit0.length)],
    ['stopped by the per-file time budget (reported as such)', String(o.timeBudget.length)],
    ['files reported by the one batch call', `${o.reported} of ${o.files}`],
    ['(peak memory of that batch call, every worker included)', `${o.peakMb ?? '?'} MB`],
  ];
  return ['| outcome | files |', '| --- | --- |', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n');
}

export function recipeTable(o: Outcomes): string {
  const lines = ['| recipe | files | unreadable | error findings | ok |', '| --- | --- | --- | --- | --- |'];
  for (const [name, s] of Object.entries(o.byRecipe).sort()) lines.push(`| ${name} | ${s.files} | ${s.unreadable} | ${s.errors} | ${s.ok} |`);
  return lines.join('\n');
}
