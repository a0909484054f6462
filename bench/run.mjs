#!/usr/bin/env node
/**
 * npm run bench — how fast `jobtarget` is, each figure as a ratio against a floor measured in the same
 * run (the machine may be shared and busy: absolute times are noise, ratios are what count), and
 * against an openpyxl read-only loop when python3 with openpyxl is present.
 *
 *   node bench/run.mjs [--reps 5] [--keep]
 *
 * Floors: `node -e 0` for start-up; bench/floor.mjs (unzip + scan cells, merges, number formats, no
 * parsing) for reading. Workbooks are generated into a temporary folder with the project's writer.
 * Runs the CLI as users do, bin/jobtarget.js on the bundle in build/ (`npm run bench` builds it first);
 * bench/measure.cjs times a batch from inside its process; bench/engine.cjs times the engine in a process
 * of its own.
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'jobtarget.js');
const FLOOR = join(ROOT, 'bench', 'floor.mjs');
const MEASURE = join(ROOT, 'bench', 'measure.cjs');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : dflt;
};
const REPS = opt('reps', 5);

// ------------------------------------------------------------------------------------------ parent
if (!existsSync(join(ROOT, 'build/cli/main.bundle.js'))) execSync('npm run build:cli', { cwd: ROOT, stdio: 'inherit' });
const { draftToBuffer } = require(join(ROOT, 'build/adapters/xlsx/write.js'));
const { blankDraft } = require(join(ROOT, 'build/core/template/blank.js'));
const { incheonSeogu2023 } = require(join(ROOT, 'build/core/examples/incheon-seogu-2023.js'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (f) => {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e6;
};
/** Median wall time of a command, ms. */
function wall(cmd, argv, reps = REPS, cwd = ROOT) {
  const times = [];
  for (let i = 0; i < reps; i++) {
    times.push(
      ms(() => {
        const r = spawnSync(cmd, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
        if (r.status === null || (r.status > 2 && r.status !== 0)) throw new Error(`${cmd} ${argv.join(' ')}: ${r.stderr}`);
      }),
    );
  }
  return median(times);
}
/** A `check` run's wall, CPU (every thread) and peak memory, from inside (bench/measure.cjs); with reps > 1, the run of median wall time. */
function measure(argv, reps = 1) {
  const result = join(dir, 'measure.json');
  const runs = [];
  for (let i = 0; i < reps; i++) {
    const r = spawnSync(process.execPath, [MEASURE, ...argv], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, BENCH_RESULT: result } });
    if (r.status === null || r.status > 1) throw new Error(`check failed: ${r.stderr}`);
    runs.push(JSON.parse(readFileSync(result, 'utf8')));
  }
  return runs.sort((a, b) => a.wall - b.wall)[(runs.length - 1) >> 1];
}

/** python3 with openpyxl, if any (Debian's python3-openpyxl lives under /usr/bin/python3). */
function findOpenpyxl() {
  for (const py of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(py, ['-c', 'import openpyxl; print(openpyxl.__version__)'], { encoding: 'utf8' });
    if (r.status === 0) return { py, version: r.stdout.trim() };
  }
  return null;
}
const OPENPYXL_LOOP = [
  'import sys, openpyxl',
  'for f in sys.argv[1:]:',
  '    wb = openpyxl.load_workbook(f, read_only=True, data_only=True)',
  '    for ws in wb.worksheets:',
  '        for row in ws.iter_rows(values_only=True): pass',
  '    wb.close()',
].join('\n');

// ---------------------------------------------------------------------------------------- workbooks
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
      if (rnd(10) === 0) tt = { ...tt, total: tt.total + 7 };
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
const subprojects = (d) => d.tasks.reduce((s, t) => s + t.subprojects.length, 0);

const dir = mkdtempSync(join(tmpdir(), 'jobtarget-bench-'));
const fmt = (n, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const x = (r) => `${fmt(r, 2)}×`;
const rows = [];
const row = (figure, measured, floor, ratio, goal, met, extra = '') => {
  rows.push({ figure, measured, floor, ratio, goal, met: met ? 'yes' : 'NO', extra });
};

console.log(`jobtarget bench — Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores, medians of ${REPS} runs`);
const openpyxl = findOpenpyxl();
console.log(openpyxl ? `openpyxl ${openpyxl.version} found (${openpyxl.py}): its read-only loop is compared` : 'openpyxl not found (python3 -c "import openpyxl" failed): the openpyxl column is skipped');

// writing, linear in size
const writes = [];
for (const [areas, tasks, per] of [
  [5, 2, 100],
  [5, 5, 100],
  [5, 20, 100],
]) {
  const d = filledDraft(areas, tasks, per, 0);
  const n = subprojects(d);
  const t0 = process.hrtime.bigint();
  const buf = await draftToBuffer(d, { formulas: false });
  writes.push({ n, t: Number(process.hrtime.bigint() - t0) / 1e6, buf });
}
const plan10k = join(dir, 'plan-10000.xlsx');
writeFileSync(plan10k, writes[2].buf);

// an annotated copy, linear in its notes (each note once looked its cell up in the whole comments part)
const { annotatePackage } = require(join(ROOT, 'build/adapters/xlsx/annotate.js'));
const noteFinding = (i) => ({
  rule: 'task-total', severity: 'error', sheet: '실천과제', cell: `C${i + 1}`, cells: [], refs: [], place: null, expected: null, actual: null,
  tolerance: null, difference: null, unit: null, data: {}, message: `발견 ${i + 1}`, messageEn: `finding ${i + 1}`, messageId: 'mismatch',
});
const annotates = [];
for (const n of [2000, 8000]) {
  const findings = Array.from({ length: n }, (_, i) => noteFinding(i));
  const t0 = process.hrtime.bigint();
  const { marked } = annotatePackage(new Uint8Array(writes[2].buf), findings, { checkedAt: new Date(0) });
  annotates.push({ n: marked, t: Number(process.hrtime.bigint() - t0) / 1e6 });
}

// 243 mixed workbooks (≈21,000 세부사업), then 2,430 (each ten times, as hard links)
const mixed = join(dir, 'mixed-243');
mkdirSync(mixed);
let mixedSub = 0;
for (let i = 0; i < 243; i++) {
  const d = i < 2 ? filledDraft(5, 10, 100, i) : i < 10 ? filledDraft(5, 4, 25, i) : i % 2 ? structuredClone(incheonSeogu2023) : filledDraft(5, 3, 4, i);
  mixedSub += subprojects(d);
  writeFileSync(join(mixed, `wb-${String(i).padStart(3, '0')}.xlsx`), await draftToBuffer(d, { formulas: false }));
}
const mixedFiles = readdirSync(mixed).map((f) => join(mixed, f));
const many = join(dir, 'mixed-2430');
mkdirSync(many);
for (let k = 0; k < 10; k++) for (const f of mixedFiles) linkSync(f, join(many, `${k}-${f.split('/').pop()}`));
const example = join(ROOT, 'test', 'fixtures', 'example.xlsx');
console.log(`generated: a 10,000-세부사업 plan, 243 mixed workbooks (${mixedSub.toLocaleString('en-US')} 세부사업), 2,430 as links to them\n`);

// start-up. Checks print the default (text) report, as users run them: its widths once loaded string-width
// for plans of more than twenty tasks (㉑…), which a JSON report never showed.
const node0 = wall(process.execPath, ['-e', '0']);
const version = wall(process.execPath, [BIN, '--version']);
row('`--version`', `${fmt(version, 0)} ms`, `node -e 0: ${fmt(node0, 0)} ms`, version / node0, '≤ 1.5×', version / node0 <= 1.5);
const checkEx = wall(process.execPath, [BIN, 'check', example]);
row('`check` the example', `${fmt(checkEx, 0)} ms`, `node -e 0: ${fmt(node0, 0)} ms`, checkEx / node0, '≤ 2×', checkEx / node0 <= 2);
// The built-in example: read from assets/examples in-process (no worker thread, no exceljs).
const checkBuiltIn = wall(process.execPath, [BIN, 'check', '--example']);
row('`check --example`', `${fmt(checkBuiltIn, 0)} ms`, `node -e 0: ${fmt(node0, 0)} ms`, checkBuiltIn / node0, '≤ 2×', checkBuiltIn / node0 <= 2);

// the 10,000 plan
const floor10k = wall(process.execPath, [FLOOR, plan10k], 3);
const check10k = wall(process.execPath, [BIN, 'check', plan10k, '--jobs', '1'], 3);
let py10k = null;
if (openpyxl) py10k = wall(openpyxl.py, ['-c', OPENPYXL_LOOP, plan10k], 3);
row('`check` a 10,000-세부사업 plan', `${fmt(check10k, 0)} ms`, `floor reader: ${fmt(floor10k, 0)} ms`, check10k / floor10k, '≤ 1.5×', check10k / floor10k <= 1.5, py10k ? `openpyxl ${x(py10k / check10k)} slower` : '');

// engine: in a process of its own (bench/engine.cjs): 3 checks to let V8 compile it, then the median of REPS;
// the process's first check is shown beside it (that cost is also inside the 10,000 plan's `check` above)
const engineRuns = spawnSync(process.execPath, [join(ROOT, 'bench', 'engine.cjs'), plan10k, String(REPS), '3'], { cwd: ROOT, encoding: 'utf8' });
if (engineRuns.status !== 0) throw new Error(`engine: ${engineRuns.stderr}`);
const { first: engineFirst, runs: engineWarm } = JSON.parse(engineRuns.stdout);
const engine = median(engineWarm) / 10;
row('engine (`validateGrid`) per 1,000 세부사업, after 3 checks', `${fmt(engine, 1)} ms CPU`, '–', engine / 10, '≤ 10 ms', engine <= 10, `a process's first check: ${fmt(engineFirst / 10, 1)} ms per 1,000`);

// a batch
// Medians of 3, like the figures above of 5: the first run after a build also makes the workers' code cache.
const b243 = measure([mixed, '--format', 'csv'], 3);
const floor243 = wall(process.execPath, [FLOOR, ...mixedFiles], 3);
let py243 = null;
if (openpyxl) py243 = wall(openpyxl.py, ['-c', OPENPYXL_LOOP, ...mixedFiles], 3);
const cpuWall = b243.cpu / b243.wall;
row(
  '`check` 243 mixed workbooks',
  `${fmt(b243.wall, 0)} ms wall, CPU/wall ${fmt(cpuWall, 2)}`,
  `floor reader: ${fmt(floor243, 0)} ms`,
  b243.wall / floor243,
  py243 ? '≥ 3× faster than openpyxl; CPU/wall > 1.7' : 'CPU/wall > 1.7',
  (py243 ? py243 / b243.wall >= 3 : true) && cpuWall > 1.7,
  py243 ? `openpyxl ${fmt(py243, 0)} ms: ${x(py243 / b243.wall)} slower` : '',
);
const b2430 = measure([many, '--format', 'csv']);
const rss = b2430.maxRssKb / b243.maxRssKb;
row('peak memory, 243 → 2,430 files', `${fmt(b243.maxRssKb / 1024, 0)} → ${fmt(b2430.maxRssKb / 1024, 0)} MB`, '243 files', rss, 'flat (≤ 1.25×)', rss <= 1.25, `2,430 files in ${fmt(b2430.wall / 1000, 1)} s`);

// writing
const per = writes.map((w) => w.t / (w.n / 1000));
const linear = per[2] / per[0];
row(
  'writing a plan, per 1,000 세부사업',
  writes.map((w) => `${(w.n / 1000).toLocaleString('en-US')}k: ${fmt(w.t / (w.n / 1000), 0)} ms`).join(', '),
  `${(writes[0].n / 1000).toLocaleString('en-US')}k plan`,
  linear,
  'linear (≤ 1.5×)',
  linear <= 1.5,
);

// annotating
const perNote = annotates.map((a) => a.t / (a.n / 1000));
const notesLinear = perNote[1] / perNote[0];
row(
  'annotated copy, per 1,000 notes',
  annotates.map((a, i) => `${(a.n / 1000).toLocaleString('en-US')}k: ${fmt(perNote[i], 0)} ms`).join(', '),
  `${(annotates[0].n / 1000).toLocaleString('en-US')}k notes`,
  notesLinear,
  'linear (≤ 1.5×)',
  notesLinear <= 1.5,
);

// table
const cols = ['figure', 'measured', 'floor', 'ratio', 'goal', 'met', 'extra'];
const head = ['figure', 'measured', 'against', 'ratio', 'goal', 'met', 'openpyxl / notes'];
const cell = (r, c) => (c === 'ratio' ? (typeof r.ratio === 'number' ? x(r.ratio) : r.ratio) : String(r[c]));
console.log(`| ${head.join(' | ')} |`);
console.log(`| ${head.map(() => '---').join(' | ')} |`);
for (const r of rows) console.log(`| ${cols.map((c) => cell(r, c)).join(' | ')} |`);

if (args.includes('--keep')) console.log(`\nworkbooks kept in ${dir}`);
else rmSync(dir, { recursive: true, force: true });
