/** The installed command: `node bin/jobtarget.js` on the compiled build (npm run build:cli). */
import { execSync, spawn, spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readXlsxFile } from '../../src/adapters/xlsx/read';
import { validateGrid } from '../../src/core/validate';
import { WORKER_V8_FLAGS } from '../../src/cli/jit';

const ROOT = path.join(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'jobtarget.js');

let tmp: string;
beforeAll(async () => {
  execSync('npm run build:cli', { cwd: ROOT, stdio: 'pipe' });
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jobtarget-bin-'));
}, 180_000);
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

function jobtarget(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: 'utf8', timeout: 120_000 });
}

it('template --example -o ex.xlsx, then check ex.xlsx: the example\'s findings, exit 1', async () => {
  const t = jobtarget(['template', '--example', '-o', 'ex.xlsx']);
  expect(t.stderr).toBe('');
  expect(t.status).toBe(0);
  const c = jobtarget(['check', 'ex.xlsx', '--format', 'json']);
  expect(c.status).toBe(1);
  const j = JSON.parse(c.stdout);
  const read = await readXlsxFile(path.join(tmp, 'ex.xlsx'));
  const want = validateGrid(read.grid).findings;
  expect(j.files[0].findings.map((f: { rule: string; cell: string; expected: unknown; actual: unknown }) => [f.rule, f.cell, f.expected, f.actual])).toEqual(
    want.map((f) => [f.rule, f.cell, f.expected, f.actual]),
  );
  const text = jobtarget(['check', 'ex.xlsx']);
  expect(text.status).toBe(1);
  expect(text.stdout).toContain('■ ex.xlsx');
  expect(text.stdout).toContain('파일 1개 검사: 오류가 있는 파일 1개');
}, 120_000);

it('exit 2 and one line for a broken file; 2 for bad usage', () => {
  const r = jobtarget(['check', path.join(ROOT, 'test/fixtures/broken/truncated.xlsx')]);
  expect(r.status).toBe(2);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(jobtarget(['check']).status).toBe(2);
}, 60_000);

describe('the bundle and its code cache (bin/cached-load.js)', () => {
  const cacheDir = path.join(ROOT, 'build', 'cli', '.v8-cache');
  const caches = async (prefix: string) => (await fs.readdir(cacheDir).catch(() => [] as string[])).filter((f) => f.startsWith(prefix) && f.endsWith('.bin'));

  it('runs the bundle, keeps a cache per command kind, and a broken cache is made again with the same report', async () => {
    const first = jobtarget(['check', path.join(ROOT, 'test/fixtures/example.xlsx'), '--format', 'json']);
    expect(first.status).toBe(1);
    const [cache] = await caches('main.bundle-check-');
    expect(cache).toBeDefined();
    await fs.writeFile(path.join(cacheDir, cache), 'not a V8 code cache');
    const again = jobtarget(['check', path.join(ROOT, 'test/fixtures/example.xlsx'), '--format', 'json']);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe('');
    expect(JSON.parse(again.stdout).files[0].findings).toEqual(JSON.parse(first.stdout).files[0].findings);
    expect((await fs.readFile(path.join(cacheDir, cache), 'utf8').catch(() => '')).startsWith('not a V8')).toBe(false);
    expect(jobtarget(['--version']).status).toBe(0);
    expect(await caches('main.bundle-other-')).toHaveLength(1);
  }, 60_000);

  it('a cache folder that cannot be written (here a file in its place) only means no cache', async () => {
    const moved = `${cacheDir}.moved`;
    await fs.rm(moved, { recursive: true, force: true });
    await fs.rename(cacheDir, moved).catch(() => undefined);
    await fs.writeFile(cacheDir, 'not a folder');
    try {
      const r = jobtarget(['check', path.join(ROOT, 'test/fixtures/example.xlsx'), '--format', 'json']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      expect(JSON.parse(r.stdout).files[0].findings.length).toBeGreaterThan(0);
    } finally {
      await fs.rm(cacheDir, { force: true });
      await fs.rename(moved, cacheDir).catch(() => undefined);
    }
  }, 60_000);

  it('the bundles are ASCII (read without decoding) and report exactly as the unbundled build', async () => {
    for (const b of ['main.bundle.js', 'check-worker.bundle.js']) {
      const bytes = await fs.readFile(path.join(ROOT, 'build', 'cli', b));
      expect(bytes.findIndex((x) => x > 0x7f)).toBe(-1);
    }
    for (const file of ['test/fixtures/example.xlsx', 'test/fixtures/documents/incheon-seogu-2023.txt']) {
      const bundled = jobtarget(['check', path.join(ROOT, file)]);
      const unbundled = spawnSync(process.execPath, [path.join(ROOT, 'build', 'cli', 'main.js'), 'check', path.join(ROOT, file)], { cwd: tmp, encoding: 'utf8' });
      expect(bundled.stdout).toContain('■');
      expect(bundled.stdout).toBe(unbundled.stdout);
    }
  }, 60_000);

  it("commander's child_process (for executable subcommands) is not loaded by --version or check", () => {
    for (const args of [['--version'], ['check', path.join(ROOT, 'test/fixtures/example.xlsx'), '--format', 'json']]) {
      // The bin runs as a user runs it; at exit the process lists the built-in modules it loaded.
      const script = `process.on('exit', () => require('fs').writeSync(2, '\\nLOADED ' + process.moduleLoadList.join(',')));
        process.argv = [process.execPath, ${JSON.stringify(BIN)}, ...${JSON.stringify(args)}];
        require(${JSON.stringify(BIN)});`;
      const r = spawnSync(process.execPath, ['-e', script], { cwd: tmp, encoding: 'utf8' });
      const loaded = r.stderr.split('\nLOADED ')[1]?.split(',') ?? [];
      expect(loaded).toContain('NativeModule fs'); // the list was read
      expect(loaded).not.toContain('NativeModule child_process');
    }
    // Still there when asked for: the stand-in hands over the real spawn.
    const bundle = require('fs').readFileSync(path.join(ROOT, 'build', 'cli', 'main.bundle.js'), 'latin1') as string;
    expect(bundle).toMatch(/get spawn\(\) \{\s*return require\("node:child_process"\)\.spawn;/);
  }, 60_000);

  it('a batch through the bundled worker reports as the files checked one by one', async () => {
    const dir = path.join(tmp, 'two');
    await fs.mkdir(dir, { recursive: true });
    await fs.copyFile(path.join(ROOT, 'test/fixtures/example.xlsx'), path.join(dir, 'a.xlsx'));
    await fs.copyFile(path.join(ROOT, 'assets/examples/sejong-2024.xlsx'), path.join(dir, 'b.xlsx'));
    const batch = jobtarget(['check', dir, '--format', 'json', '--jobs', '2']);
    expect(batch.stderr).toBe('');
    const one = (f: string) => JSON.parse(jobtarget(['check', path.join(dir, f), '--format', 'json']).stdout).files[0].findings;
    const files = JSON.parse(batch.stdout).files;
    expect(files.map((f: { findings: unknown[] }) => f.findings)).toEqual([one('a.xlsx'), one('b.xlsx')]);
    expect(files[0].findings.length).toBeGreaterThan(0);
    expect(await caches('check-worker.bundle-worker-tuned-')).toHaveLength(1);
  }, 60_000);

  it('a batch on a terminal (progress bar on stderr) reports through the bundle; the bar gets the string-width it was written for', async () => {
    const dir = path.join(tmp, 'bar');
    await fs.mkdir(dir, { recursive: true });
    for (const f of ['a', 'b']) await fs.copyFile(path.join(ROOT, 'test/fixtures/example.xlsx'), path.join(dir, `${f}.xlsx`));
    // stderr taken for a terminal, as when a reviewer runs `jobtarget check 제출본/` in a shell.
    const tty = path.join(tmp, 'stderr-tty.js');
    await fs.writeFile(tty, 'process.stderr.isTTY = true; process.stderr.columns = 100;\n');
    const r = spawnSync(process.execPath, ['-r', tty, BIN, 'check', dir, '--no-color'], { cwd: tmp, encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).not.toContain('is not a function');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('파일 2개 검사: 오류가 있는 파일 2개');
    // The bar was drawn and put away (its cursor shown again).
    expect(r.stderr).toContain('\u001b[?25h');
  }, 60_000);

  it('Ctrl-C during a batch on a terminal gives the cursor and line wrapping back, and ends by the signal', async () => {
    const dir = path.join(tmp, 'interrupted');
    await fs.mkdir(dir, { recursive: true });
    for (let i = 0; i < 40; i++) await fs.copyFile(path.join(ROOT, 'test/fixtures/example.xlsx'), path.join(dir, `p${i}.xlsx`));
    const tty = path.join(tmp, 'stderr-tty.js');
    await fs.writeFile(tty, 'process.stderr.isTTY = true; process.stderr.columns = 100;\n');
    const child = spawn(process.execPath, ['-r', tty, BIN, 'check', dir, '--jobs', '1', '--annotate', path.join(tmp, 'interrupted-out')], { cwd: tmp });
    let err = '';
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve) =>
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString('utf8');
        if (err.includes('1/40')) resolve();
      }),
    );
    child.kill('SIGINT');
    expect(await ended).toBe('SIGINT');
    // The bar hid the cursor and turned wrapping off; both are back.
    expect(err).toContain('\u001b[?25l');
    expect(err).toContain('\u001b[?25h');
    expect(err).toContain('\u001b[?7h');
    expect((await fs.readdir(path.join(tmp, 'interrupted-out')).catch(() => [] as string[])).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('the progress bar shows file names with their control characters escaped', async () => {
    const dir = path.join(tmp, 'evil-names');
    await fs.mkdir(dir, { recursive: true });
    // Every name carries an OSC sequence (retitles the terminal); the bar redraws ten times a second.
    for (let i = 0; i < 30; i++) await fs.copyFile(path.join(ROOT, 'test/fixtures/example.xlsx'), path.join(dir, `a\u001b]0;pwned\u0007 ${i}.xlsx`));
    const tty = path.join(tmp, 'stderr-tty.js');
    await fs.writeFile(tty, 'process.stderr.isTTY = true; process.stderr.columns = 100;\n');
    const r = spawnSync(process.execPath, ['-r', tty, BIN, 'check', dir, '--jobs', '1', '--annotate', path.join(tmp, 'evil-out'), '--force'], { cwd: tmp, encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/a\\x1b\]0;pwned\\x07 \d+\.xlsx/);
    expect(r.stderr).not.toContain('\u001b]0;pwned');
  }, 120_000);

  it("a batch's workers keep a cache of their own (their V8 flags: cli/jit.ts); a batch never writes the main thread's", async () => {
    const dir = path.join(tmp, 'three');
    await fs.mkdir(dir, { recursive: true });
    for (const f of ['a', 'b', 'c']) await fs.copyFile(path.join(ROOT, 'test/fixtures/example.xlsx'), path.join(dir, `${f}.xlsx`));
    await fs.rm(cacheDir, { recursive: true, force: true });
    const stamp = async (prefix: string) => Promise.all((await caches(prefix)).map(async (f) => `${f} ${(await fs.stat(path.join(cacheDir, f))).mtimeMs}`));

    const first = jobtarget(['check', dir, '--format', 'json', '--jobs', '2']);
    expect(first.stderr).toBe('');
    expect(await caches('main.bundle-check-')).toEqual([]); // made by a lone check only
    const workerCache = await stamp('check-worker.bundle-worker-tuned-');
    expect(workerCache).toHaveLength(1);

    const lone = jobtarget(['check', path.join(dir, 'a.xlsx'), '--format', 'json']);
    expect(lone.status).toBe(1);
    const mainCache = await stamp('main.bundle-check-');
    expect(mainCache).toHaveLength(1);
    // A lone check runs under a V8 flag of its own (cli/jit.ts), and its cache is made under V8's defaults,
    // which the next run loads it under: accepted, not made again.
    await new Promise((r) => setTimeout(r, 20));
    expect(jobtarget(['check', path.join(dir, 'b.xlsx'), '--format', 'json']).stdout).toBe(lone.stdout.replace(/a\.xlsx/g, 'b.xlsx'));
    expect(await stamp('main.bundle-check-')).toEqual(mainCache);

    // Accepted by the next batch (V8 rejects a cache made under other flags, and it would be written again).
    await new Promise((r) => setTimeout(r, 20));
    const again = jobtarget(['check', dir, '--format', 'json', '--jobs', '2']);
    expect(again.stdout).toBe(first.stdout);
    expect(await stamp('check-worker.bundle-worker-tuned-')).toEqual(workerCache);
    expect(await stamp('main.bundle-check-')).toEqual(mainCache);

    // The workers' cache was made under the flags the workers set (cli/jit.ts): V8 accepts it under them only.
    const probe = (flags: string) =>
      spawnSync(
        process.execPath,
        [
          '-e',
          `const fs = require('fs'), vm = require('vm'); if (process.env.FLAGS) require('v8').setFlagsFromString(process.env.FLAGS);
           const file = ${JSON.stringify(path.join(ROOT, 'build', 'cli', 'check-worker.bundle.js'))};
           const source = fs.readFileSync(file, 'latin1');
           const script = new vm.Script('(function (exports, require, module, __filename, __dirname) { ' + source + '\\n})', { filename: file, cachedData: fs.readFileSync(${JSON.stringify(path.join(cacheDir, workerCache[0].split(' ')[0]))}) });
           process.stdout.write(String(script.cachedDataRejected));`,
        ],
        { encoding: 'utf8', env: { ...process.env, FLAGS: flags } },
      ).stdout;
    expect(probe(WORKER_V8_FLAGS)).toBe('false');
    expect(probe('')).toBe('true');

    // With V8's defaults (JOBTARGET_V8_DEFAULTS=1): the same reports, the workers' cache under the default name.
    const plain = spawnSync(process.execPath, [BIN, 'check', dir, '--format', 'json', '--jobs', '2'], { cwd: tmp, encoding: 'utf8', env: { ...process.env, JOBTARGET_V8_DEFAULTS: '1' } });
    expect(plain.stdout).toBe(first.stdout);
    expect(await caches('check-worker.bundle-worker-')).toHaveLength(2);
    expect(JSON.parse(first.stdout).files.map((f: { findings: { rule: string }[] }) => f.findings.length)).toEqual(Array(3).fill(JSON.parse(lone.stdout).files[0].findings.length));
  }, 60_000);
});

(require('fs').existsSync('/dev/full') ? it : it.skip)('a report that cannot be written to stdout (> /dev/full) is one line and exit 2, never a stack trace or exit 1', async () => {
  const dir = path.join(tmp, 'full');
  await fs.mkdir(dir, { recursive: true });
  for (const f of ['a', 'b', 'c']) await fs.copyFile(path.join(ROOT, 'test/fixtures/example.xlsx'), path.join(dir, `${f}.xlsx`));
  const full = require('fs').openSync('/dev/full', 'w');
  try {
    for (const args of [['check', dir, '--format', 'csv'], ['check', path.join(dir, 'a.xlsx')]]) {
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: 'utf8', timeout: 120_000, stdio: ['ignore', full, 'pipe'] });
      expect(r.stderr).not.toMatch(/\n\s+at |throw e|Node\.js v/);
      expect(r.stderr).toContain('보고서를 표준 출력에 쓰지 못했습니다 (ENOSPC)');
      expect(r.status).toBe(2);
    }
  } finally {
    require('fs').closeSync(full);
  }
}, 120_000);

it('says to build when the build is missing', async () => {
  const bin = path.join(tmp, 'pkg', 'bin');
  await fs.mkdir(bin, { recursive: true });
  await fs.copyFile(BIN, path.join(bin, 'jobtarget.js'));
  const r = spawnSync(process.execPath, [path.join(bin, 'jobtarget.js'), 'check', '--example'], { encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('npm run build:cli');
});
