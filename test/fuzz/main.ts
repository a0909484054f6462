/**
 * `npm run fuzz [-- --count N --seed S --jobs J --keep]`: makes N damaged and crafted workbooks (default
 * 1,200) from the fixtures, checks them all in ONE batch call of the compiled CLI, runs every heavy file
 * once more on its own (peak memory, 60 s limit), and prints the outcome table of #15. Exit 1 when an
 * outcome is not 0 (or a file is not reported).
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HEAVY, generateCorpus, outcomeTable, outcomes, recipeTable, runCli } from './corpus';

const ROOT = process.cwd();
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const COUNT = arg('count', 1200);
const SEED = arg('seed', 15);
const JOBS = arg('jobs', 2);
const LIMIT_S = arg('limit', 1800);

async function main(): Promise<void> {
  const out = path.join(ROOT, '.cache', 'fuzz-cli');
  process.stderr.write('building the CLI…\n');
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json', '--outDir', out, '--sourceMap', 'false'], { cwd: ROOT, stdio: 'inherit' });
  const mainJs = path.join(out, 'cli', 'main.js');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'jt-fuzz-'));
  try {
    const fixtures = path.join(ROOT, 'test', 'fixtures');
    const bases = ['example.xlsx', 'blank-2027.xlsx', 'drift-merged.xlsx', 'drift-text-numbers.xlsx', 'drift-rows-inserted.xlsx', 'drift-labels-spaced.xlsx'].map((f) => path.join(fixtures, f));
    process.stderr.write(`making ${COUNT} files (seed ${SEED}) in ${tmp}…\n`);
    const corpus = generateCorpus({ seed: SEED, count: COUNT, bases, dir: path.join(tmp, 'corpus') });
    process.stderr.write(`one batch call over all of them (--jobs ${JOBS})…\n`);
    const run = await runCli(mainJs, ['corpus', '--format', 'json', '--jobs', String(JOBS)], tmp, LIMIT_S * 1000);
    const heavy = corpus.filter((c) => HEAVY.has(c.recipe));
    process.stderr.write(`${heavy.length} heavy files again, one by one…\n`);
    const singles = [];
    for (const c of heavy) singles.push({ file: c.file, run: await runCli(mainJs, [path.join('corpus', c.file), '--format', 'json'], tmp, 60_000) });
    const o = outcomes(corpus, 'corpus', run, singles, JOBS);
    const date = new Date().toISOString().slice(0, 10);
    process.stdout.write(`\n${COUNT} files, seed ${SEED}, measured ${date}; the batch took ${Math.round(run.ms / 1000)} s with --jobs ${JOBS}, exit ${run.status}\n\n`);
    process.stdout.write(`${outcomeTable(o, LIMIT_S)}\n\n${recipeTable(o)}\n`);
    const lists: [string, string[]][] = [
      ['hangs', o.hangs],
      ['over memory', o.overMemory],
      ['internal error texts', o.internalText],
      ['damaged read as intact', o.damagedAsIntact],
      ['lost tables / 1e308 with exit 0', o.lostWithExit0],
      ['time budget', o.timeBudget],
    ];
    for (const [name, xs] of lists) if (xs.length) process.stdout.write(`\n${name} (${xs.length}):\n${xs.slice(0, 25).map((x) => `  ${x}`).join('\n')}\n`);
    const failed = o.hangs.length + o.overMemory.length + o.internalText.length + o.damagedAsIntact.length + o.lostWithExit0.length + (o.files - o.reported);
    if (process.argv.includes('--keep')) process.stderr.write(`corpus kept in ${tmp}\n`);
    process.exitCode = failed ? 1 : 0;
  } finally {
    if (!process.argv.includes('--keep')) rmSync(tmp, { recursive: true, force: true });
  }
}

void main();
