#!/usr/bin/env node
/**
 * npm run bench — how fast `jobtarget check` reads and validates workbooks.
 *
 * Generates workbooks into a temporary folder (default 200: mostly example-sized plans, some with
 * 500 세부사업 and two with 5,000, every figure filled in), then runs `check` in-process on the
 * whole folder and on single files, each in a fresh Node process so peak RSS is the check's own.
 * Prints figures; asserts nothing.
 *
 *   node bench/run.mjs [--files 200] [--medium 8] [--big 2] [--keep]
 *
 * Uses the compiled CLI in build/ (runs `npm run build:cli` first when it is missing).
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : dflt;
};

// ------------------------------------------------------------------------------ child: one check run
if (args[0] === '--check-only') {
  const { main } = require(join(ROOT, 'build/cli/program.js'));
  let bytes = 0;
  const sink = { write: (s) => void (bytes += s.length) };
  const t0 = process.hrtime.bigint();
  const code = await main(['check', ...args.slice(1), '--format', 'json'], { stdout: sink, stderr: sink, isTTY: false, cwd: process.cwd() });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({ ms, code, maxRssKb: process.resourceUsage().maxRSS, reportChars: bytes }));
  process.exit(0);
}

// ------------------------------------------------------------------------------------------ parent
if (!existsSync(join(ROOT, 'build/cli/program.js'))) {
  console.log('build/ is missing: running npm run build:cli …');
  execSync('npm run build:cli', { cwd: ROOT, stdio: 'inherit' });
}
const { draftToBuffer } = require(join(ROOT, 'build/adapters/xlsx/write.js'));
const { blankDraft } = require(join(ROOT, 'build/core/template/blank.js'));
const { incheonSeogu2023 } = require(join(ROOT, 'build/core/examples/incheon-seogu-2023.js'));

const total = opt('files', 200);
const big = Math.min(opt('big', 2), total);
const medium = Math.min(opt('medium', 8), total - big);
const small = total - big - medium;

/** A deterministic pseudo-random sequence, so runs are comparable. */
let seed = 20270101;
const rnd = (n) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};

const series = (years) => {
  const ys = Array.from({ length: years }, () => rnd(500));
  return { total: ys.reduce((a, b) => a + b, 0), years: ys };
};
const add = (a, b) => ({ total: a.total + b.total, years: a.years.map((y, i) => y + b.years[i]) });
const zero = (years) => ({ total: 0, years: Array(years).fill(0) });

/** A blank draft of the given size with every figure filled, totals summed (a mismatch here and there). */
function filledDraft(areas, tasksPerArea, subprojectsPerTask, i) {
  const d = blankDraft({ period: { startYear: 2027, years: 4 }, areas, tasksPerArea, subprojectsPerTask, region: `벤치시 ${i}` });
  const n = d.period.years;
  d.indicators = d.indicators.map((ind) => {
    const base = ind.kind === 'rate' ? 60 + rnd(100) / 10 : 100000 + rnd(50000);
    const step = ind.kind === 'rate' ? 0.5 : base * 0.025;
    const targets = Array.from({ length: n }, (_, k) => Math.round((base + step * (k + 1)) * 10) / 10);
    return { ...ind, lastActual: base - step, base, targets, statedChange: ind.kind === 'rate' ? 2 : 10 };
  });
  let grandT = zero(n);
  let grandB = zero(n);
  for (const area of d.areas) {
    let at = zero(n);
    let ab = zero(n);
    for (const task of d.tasks.filter((t) => t.area === area.name)) {
      let tt = zero(n);
      let tb = zero(n);
      for (const sp of task.subprojects) {
        sp.target = series(n);
        sp.budget = series(n);
        tt = add(tt, sp.target);
        tb = add(tb, sp.budget);
      }
      if (rnd(10) === 0) tt = { ...tt, total: tt.total + 7 }; // a stated total that does not add up
      task.total = { target: tt, budget: tb };
      at = add(at, tt);
      ab = add(ab, tb);
    }
    area.target = at;
    area.budget = ab;
    grandT = add(grandT, at);
    grandB = add(grandB, ab);
  }
  d.grandTotal = { target: grandT, budget: grandB };
  return d;
}

const dir = mkdtempSync(join(tmpdir(), 'jobtarget-bench-'));
const gen0 = Date.now();
const files = { small: [], medium: [], big: [] };
for (let i = 0; i < total; i++) {
  let kind;
  let draft;
  if (i < big) {
    kind = 'big';
    draft = filledDraft(5, 10, 100, i); // 5,000 세부사업
  } else if (i < big + medium) {
    kind = 'medium';
    draft = filledDraft(5, 4, 25, i); // 500 세부사업
  } else {
    kind = 'small';
    draft = i % 2 ? structuredClone(incheonSeogu2023) : filledDraft(5, 3, 4, i); // example-sized
  }
  const file = join(dir, `${kind}-${String(i).padStart(3, '0')}.xlsx`);
  writeFileSync(file, await draftToBuffer(draft, { formulas: false }));
  files[kind].push(file);
}
const genMs = Date.now() - gen0;
const size = (list) => list.reduce((s, f) => s + statSync(f).size, 0);
const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;

function check(paths) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--check-only', ...paths], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`check failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Pads to a terminal width (Hangul is two columns wide). */
const padW = (t, w) => t + ' '.repeat(Math.max(0, w - [...t].reduce((a, ch) => a + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1), 0)));
const fmt = (n, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(`jobtarget bench — Node ${process.version}, ${process.platform}/${process.arch}`);
console.log(
  `generated ${total} workbooks in ${fmt(genMs / 1000)} s (${files.small.length} example-sized, ${files.medium.length} × 500 세부사업, ${files.big.length} × 5,000 세부사업; ${mb(size([...files.small, ...files.medium, ...files.big]))})`,
);
console.log('');

const all = check([dir]);
const n = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).length;
console.log(`check ${n} files (one batch, --format json, in-process):`);
console.log(`  ${fmt(all.ms / 1000, 2)} s · ${fmt((n / all.ms) * 1000)} files/s · ${fmt(all.ms / n)} ms/file · peak RSS ${fmt(all.maxRssKb / 1024, 0)} MB · exit ${all.code}`);

const rows = [];
if (files.small.length) rows.push(['example-sized (1 file)', files.small[0]]);
if (files.small.length > 1) rows.push(['example-sized (1 file)', files.small[1]]);
if (files.medium.length) rows.push(['500 세부사업 (1 file)', files.medium[0]]);
if (files.big.length) rows.push(['5,000 세부사업 (1 file)', files.big[0]]);
for (const [label, file] of rows) {
  const r = check([file]);
  console.log(`  ${padW(label, 28)} ${fmt(r.ms, 0).padStart(7)} ms · ${mb(statSync(file).size).padStart(8)} · peak RSS ${fmt(r.maxRssKb / 1024, 0)} MB`);
}
if (files.small.length >= 20) {
  const some = files.small.slice(0, 100);
  const r = check(some);
  console.log(`  ${padW(`${some.length} example-sized`, 28)} ${fmt(r.ms, 0).padStart(7)} ms · ${fmt((some.length / r.ms) * 1000)} files/s · ${fmt(r.ms / some.length)} ms/file · peak RSS ${fmt(r.maxRssKb / 1024, 0)} MB`);
}

if (args.includes('--keep')) console.log(`\nworkbooks kept in ${dir}`);
else rmSync(dir, { recursive: true, force: true });
