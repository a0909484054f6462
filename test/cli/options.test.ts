/** ESLint-like options of `jobtarget check`, the config file, folder mode and `template -o`. */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import stringWidth from 'string-width';
import { readXlsxFile } from '../../src/adapters/xlsx/read';
import { validateGrid } from '../../src/core/validate';
import { run } from './run';
import { maxJobs } from '../../src/cli/pool';

const FIXTURES = path.join(__dirname, '../fixtures');
const EXAMPLE = path.join(FIXTURES, 'example.xlsx');
const BLANK = path.join(FIXTURES, 'blank-2027.xlsx');

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jobtarget-opts-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** What the engine finds in the example, by severity, without any settings. */
async function exampleCounts() {
  const read = await readXlsxFile(EXAMPLE);
  const s = validateGrid(read.grid).summary;
  return s;
}

/** --rule options that turn every rule reporting an error in the example into a warning. */
async function errorsAsWarnings(): Promise<string[]> {
  const read = await readXlsxFile(EXAMPLE);
  const ids = [...new Set(validateGrid(read.grid).findings.filter((f) => f.severity === 'error').map((f) => f.rule))];
  expect(ids.length).toBeGreaterThan(0);
  return ids.flatMap((id) => ['--rule', `${id}:warning`]);
}

/** --rule options that turn off every rule reporting something in the example: it is then a clean, complete plan. */
async function exampleRulesOff(): Promise<string[]> {
  const read = await readXlsxFile(EXAMPLE);
  const ids = [...new Set(validateGrid(read.grid).findings.map((f) => f.rule))];
  expect(ids.length).toBeGreaterThan(0);
  return ids.flatMap((id) => ['--rule', `${id}:off`]);
}

const json = (out: string) => JSON.parse(out);

describe('--quiet, --max-warnings', () => {
  it('--quiet reports errors only', async () => {
    const want = await exampleCounts();
    expect(want.warning).toBeGreaterThan(0);
    const r = await run(['check', EXAMPLE, '--format', 'json', '--quiet']);
    const j = json(r.out);
    expect(j.files[0].findings.length).toBe(want.error);
    expect(j.files[0].findings.every((f: { severity: string }) => f.severity === 'error')).toBe(true);
    expect(j.summary).toMatchObject({ error: want.error, warning: 0, info: 0 });
    const text = await run(['check', EXAMPLE, '--quiet']);
    expect(text.out).not.toMatch(/^\s+\S+\s+경고\s/m);
    expect(text.out).toMatch(/^\s+\S+\s+오류\s/m);
  });

  it('--max-warnings N fails (exit 1) when there are more than N warnings, and says so', async () => {
    const asWarnings = await errorsAsWarnings();
    const want = await exampleCounts();
    const j = json((await run(['check', EXAMPLE, '--format', 'json', ...asWarnings])).out);
    const warnings = j.summary.warning;
    expect(warnings).toBe(want.error + want.warning);
    expect(j.summary.error).toBe(0);
    const over = await run(['check', EXAMPLE, ...asWarnings, '--max-warnings', String(warnings - 1)]);
    expect(over.code).toBe(1);
    expect(over.err).toContain(`경고 ${warnings}개가 --max-warnings ${warnings - 1}을(를) 넘었습니다`);
    const at = await run(['check', EXAMPLE, ...asWarnings, '--max-warnings', String(warnings)]);
    expect(at.code).toBe(0);
    expect(at.err).toBe('');
    const en = await run(['check', EXAMPLE, ...asWarnings, '--max-warnings', '0', '--lang', 'en']);
    expect(en.err).toContain(`${warnings} warnings found, more than --max-warnings 0`);
    expect((await run(['check', BLANK, '--max-warnings', 'many'])).code).toBe(2);
  });
});

describe('-o, --output-file', () => {
  it('writes the report to the file (folders created), nothing on stdout, a one-line note on stderr', async () => {
    const file = path.join(tmp, 'out', 'report.txt');
    const r = await run(['check', EXAMPLE, path.join(FIXTURES, 'broken', 'truncated.xlsx'), '-o', file]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const text = await fs.readFile(file, 'utf8');
    expect(text).toContain('인천광역시 서구 · 민선 8기 · 2023~2026');
    // The unreadable file is listed in the report itself, not only on stderr.
    expect(text).toMatch(/✗ .*truncated\.xlsx — 읽지 못함: /);
    expect(text).not.toContain('\u001b[');
    expect(r.err).toContain(`보고서: ${path.relative(process.cwd(), file)}`);
    // No temporary file is left behind.
    expect(await fs.readdir(path.dirname(file))).toEqual(['report.txt']);
  });

  it('JSON and CSV to a file list unreadable files too', async () => {
    const broken = path.join(FIXTURES, 'broken', 'truncated.xlsx');
    await run(['check', broken, EXAMPLE, '--format', 'json', '-o', path.join(tmp, 'r.json')]);
    const j = json(await fs.readFile(path.join(tmp, 'r.json'), 'utf8'));
    expect(j.files.map((f: { file: string }) => f.file)).toEqual([broken, EXAMPLE]);
    expect(j.summary.unreadable).toBe(1);
    await run(['check', broken, '--format', 'csv', '--output-file', path.join(tmp, 'r.csv')]);
    expect(await fs.readFile(path.join(tmp, 'r.csv'), 'utf8')).toContain('truncated.xlsx,error,unreadable');
  });
});

describe('rule severities: --rule and jobtarget.config.json', () => {
  it('--rule id:off drops a rule, id:warning changes its severity', async () => {
    const off = json((await run(['check', EXAMPLE, '--format', 'json', '--rule', 'area-total:off'])).out);
    expect(off.files[0].findings.some((f: { rule: string }) => f.rule === 'area-total')).toBe(false);
    const warn = json((await run(['check', EXAMPLE, '--format', 'json', '--rule', 'area-total:warning', '--rule', 'mixed-units:error'])).out);
    const at = warn.files[0].findings.filter((f: { rule: string }) => f.rule === 'area-total');
    expect(at.length).toBeGreaterThan(0);
    expect(at.every((f: { severity: string }) => f.severity === 'warning')).toBe(true);
    expect(warn.files[0].findings.filter((f: { rule: string }) => f.rule === 'mixed-units').every((f: { severity: string }) => f.severity === 'error')).toBe(true);
  });

  it('a bad --rule is bad usage with the reason', async () => {
    const unknown = await run(['check', EXAMPLE, '--rule', 'area-totals:off']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('모르는 규칙입니다: area-totals');
    expect(unknown.err).toContain('area-total?');
    const severity = await run(['check', EXAMPLE, '--rule', 'area-total:loud', '--lang', 'en']);
    expect(severity.code).toBe(2);
    expect(severity.err).toContain('unknown severity loud');
    expect((await run(['check', EXAMPLE, '--rule', 'area-total'])).err).toContain('규칙:심각도');
  });

  it('finds jobtarget.config.json in the working folder or above it; --rule wins; --no-config-lookup ignores it', async () => {
    await fs.writeFile(path.join(tmp, 'jobtarget.config.json'), JSON.stringify({ rules: { 'area-total': 'off', 'mixed-units': 'error' } }));
    const deep = path.join(tmp, 'a', 'b');
    await fs.mkdir(deep, { recursive: true });
    const found = json((await run(['check', EXAMPLE, '--format', 'json'], { cwd: deep })).out);
    const rules = (j: { files: { findings: { rule: string; severity: string }[] }[] }) => j.files[0].findings;
    expect(rules(found).some((f) => f.rule === 'area-total')).toBe(false);
    expect(rules(found).filter((f) => f.rule === 'mixed-units').every((f) => f.severity === 'error')).toBe(true);
    const overridden = json((await run(['check', EXAMPLE, '--format', 'json', '--rule', 'area-total:error'], { cwd: deep })).out);
    expect(rules(overridden).some((f) => f.rule === 'area-total')).toBe(true);
    const ignored = json((await run(['check', EXAMPLE, '--format', 'json', '--no-config-lookup'], { cwd: deep })).out);
    expect(rules(ignored).some((f) => f.rule === 'area-total')).toBe(true);
  });

  it('-c FILE names the settings; bad JSON and unknown keys are reported with where', async () => {
    const file = path.join(tmp, 'review.json');
    await fs.writeFile(file, JSON.stringify({ rules: { 'area-total': 0 } }));
    const named = json((await run(['check', EXAMPLE, '--format', 'json', '-c', file])).out);
    expect(named.files[0].findings.some((f: { rule: string }) => f.rule === 'area-total')).toBe(false);
    await fs.writeFile(file, '{\n  "rules": {\n    "area-total": "off",\n  }\n}');
    const bad = await run(['check', EXAMPLE, '-c', file]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/review\.json: JSON 문법 오류 \(\d+행 \d+열\)/);
    await fs.writeFile(file, JSON.stringify({ rule: {} }));
    expect((await run(['check', EXAMPLE, '-c', file])).err).toContain('모르는 항목입니다: "rule"');
    expect((await run(['check', EXAMPLE, '-c', path.join(tmp, 'none.json')])).err).toContain('파일이 없습니다');
  });

  it('an empty settings file (a BOM and blanks at most) says it is empty, not the engine\'s JSON error', async () => {
    const file = path.join(tmp, 'jobtarget.config.json');
    await fs.writeFile(file, '\uFEFF \n');
    const r = await run(['check', EXAMPLE, '-c', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('설정 파일이 비어 있습니다');
    expect(r.err).not.toContain('Unexpected end of JSON input');
  });
});

describe('colour', () => {
  const ESC = '\u001b[';
  it('on a terminal; off with NO_COLOR, --no-color or when piped; forced by --color', async () => {
    expect((await run(['check', EXAMPLE], { stdoutIsTTY: true })).out).toContain(ESC);
    expect((await run(['check', EXAMPLE], { stdoutIsTTY: true, env: { NO_COLOR: '1' } })).out).not.toContain(ESC);
    expect((await run(['check', EXAMPLE, '--no-color'], { stdoutIsTTY: true })).out).not.toContain(ESC);
    expect((await run(['check', EXAMPLE])).out).not.toContain(ESC);
    expect((await run(['check', EXAMPLE, '--color'])).out).toContain(`${ESC}31m`);
    expect((await run(['check', EXAMPLE], { env: { FORCE_COLOR: '1' } })).out).toContain(ESC);
  });
  it('FORCE_COLOR=0 (or false) turns colour off on a terminal, as for Node itself; --color still decides', async () => {
    for (const v of ['0', 'false']) expect((await run(['check', EXAMPLE], { stdoutIsTTY: true, env: { FORCE_COLOR: v } })).out).not.toContain(ESC);
    expect((await run(['check', EXAMPLE, '--color'], { stdoutIsTTY: true, env: { FORCE_COLOR: '0' } })).out).toContain(ESC);
  });
});

describe('text report: clean files in one line, the closing line, plurals', () => {
  it('a file without findings is one line; the closing line counts files with errors, clean files and blank templates', async () => {
    const r = await run(['check', BLANK, EXAMPLE, '--rule', 'value-blank:off']);
    const lines = r.out.trimEnd().split('\n');
    const blank = lines.filter((l) => l.includes('blank-2027.xlsx'));
    expect(blank).toHaveLength(1);
    expect(blank[0]).toMatch(/^○ .*blank-2027\.xlsx — 지자체명 없음 · 2027~2030 — 빈 서식: 입력된 값이 없습니다$/);
    expect(lines[lines.length - 1]).toMatch(/^파일 2개 검사: 오류가 있는 파일 1개, 문제없는 파일 0개, 빈 서식 1개 — 오류 \d+ · 경고 \d+ · 정보 \d+$/);
    const clean = await run(['check', EXAMPLE, ...(await exampleRulesOff())]);
    expect(clean.out).toMatch(/^✓ .*example\.xlsx — 인천광역시 서구 · 민선 8기 · 2023~2026 — 문제없음\n파일 1개 검사: 오류가 있는 파일 0개, 문제없는 파일 1개 — 오류 0 · 경고 0 · 정보 0\n$/);
  });

  it('English says 1 file / 2 files, 1 error / 2 errors', async () => {
    const one = await run(['check', BLANK, '--rule', 'value-blank:off', '--lang', 'en']);
    expect(one.out.trimEnd().split('\n').pop()).toBe('1 file checked: 0 files with errors, 0 clean, 1 blank — 0 errors · 0 warnings · 0 info');
    await fs.copyFile(BLANK, path.join(tmp, 'blank-copy.xlsx'));
    const two = await run(['check', BLANK, path.join(tmp, 'blank-copy.xlsx'), EXAMPLE, '--lang', 'en']);
    expect(two.out.trimEnd().split('\n').pop()).toMatch(/^3 files checked: 1 file with errors, 0 clean, 2 blank — \d+ errors · \d+ warnings · \d+ info$/);
    const warned = await run(['check', BLANK, EXAMPLE, '--lang', 'en', ...(await errorsAsWarnings())]);
    expect(warned.out.trimEnd().split('\n').pop()).toMatch(/^2 files checked: 0 files with errors, 1 file with warnings only, 0 clean, 1 blank — 0 errors · \d+ warnings · \d+ info$/);
    const clean = await run(['check', EXAMPLE, '--lang', 'en', ...(await exampleRulesOff())]);
    expect(clean.out.trimEnd().split('\n').pop()).toBe('1 file checked: 0 files with errors, 1 clean — 0 errors · 0 warnings · 0 info');
  });
});

describe('help and usage errors', () => {
  const helps = [['--help'], ['check', '--help'], ['template', '--help'], ['export', '--help']];
  it.each(helps)('%s: no line wider than 80 display columns, in Korean and English', async (...args) => {
    for (const lang of [[], ['--lang', 'en']]) {
      const r = await run([...args, ...lang]);
      expect(r.code).toBe(0);
      const widest = Math.max(...r.out.split('\n').map((l) => stringWidth(l)));
      expect(widest).toBeLessThanOrEqual(80);
      expect(widest).toBeGreaterThan(40);
    }
  });

  it('help says what each command reads and what --lang changes, as docs/cli.md does', async () => {
    const help = async (...args: string[]) => (await run([...args, '--help'])).out.replace(/\s+/g, ' ');
    // Folders are searched for 한글 documents too; export takes anything check reads; the workbook is Korean in either language.
    expect(await help('check')).toContain('폴더(하위 폴더의 .xlsx, .xlsm, .hwpx 포함)');
    expect(await help('check', '--lang', 'en')).toContain('folders (.xlsx, .xlsm and .hwpx, recursively)');
    expect(await help('export')).toContain('PLAN check가 읽는 계획: 통합 문서, 한글 문서(.hwpx), 텍스트 문서');
    expect(await help('template')).not.toContain('시트와 메시지의 언어');
    expect(await help('template')).toContain('--lang <lang> 메시지 언어 (통합 문서는 언제나 한국어 서식)');
  });

  it('help for a command that does not exist is bad usage (exit 2), in the run\'s language; help for one that does is not', async () => {
    const ko = await run(['help', 'nope']);
    expect(ko.code).toBe(2);
    expect(ko.err).toContain("오류: 모르는 명령입니다: 'nope'");
    const en = await run(['help', 'nope', '--lang', 'en']);
    expect([en.code, en.err.split('\n')[0]]).toEqual([2, "error: unknown command 'nope'"]);
    const known = await run(['help', 'check']);
    expect(known.code).toBe(0);
    expect(known.out).toContain('--annotate');
  });

  it('lists the new options', async () => {
    const r = await run(['check', '--help']);
    for (const o of ['--quiet', '--max-warnings <N>', '-o, --output-file <FILE>', '--rule <RULE:SEVERITY>', '-c, --config <FILE>', '--no-config-lookup', '--color', '--no-color']) {
      expect(r.out).toContain(o);
    }
  });

  it("commander's own errors are Korean in Korean mode and English with --lang en", async () => {
    const ko = await run(['check', EXAMPLE, '--colour']);
    expect(ko.code).toBe(2);
    expect(ko.err).toContain("오류: 모르는 옵션입니다: '--colour'");
    expect(ko.err).toContain('(혹시 --color인가요?)');
    expect(ko.err).not.toMatch(/unknown option/);
    const en = await run(['check', EXAMPLE, '--colour', '--lang', 'en']);
    expect(en.err).toContain("error: unknown option '--colour'");
    expect((await run(['frobnicate'])).err).toContain("오류: 모르는 명령입니다: 'frobnicate'");
    expect((await run(['check', EXAMPLE, '--format', 'xml'])).err).toContain("오류: 옵션 '--format <format>'에 'xml'은(는) 쓸 수 없습니다");
    expect((await run(['check', EXAMPLE, '--format'])).err).toContain("오류: 옵션 '--format <format>'에 값이 필요합니다");
  });

  it('a number option says the same of text, fractions and numbers below its least value (--jobs abc, 1.5 and 0 alike)', async () => {
    for (const bad of ['abc', '1.5', '0', '-2']) {
      const r = await run(['check', EXAMPLE, '--jobs', bad]);
      expect([bad, r.code]).toEqual([bad, 2]);
      expect(r.err).toContain(`--jobs은(는) 1 이상의 정수여야 합니다: ${bad}`);
      expect(r.out).toBe('');
    }
    expect((await run(['check', EXAMPLE, '--jobs', 'abc', '--lang', 'en'])).err).toContain('--jobs must be a whole number of at least 1: abc');
    expect((await run(['check', EXAMPLE, '--max-warnings', '-1'])).err).toContain('--max-warnings은(는) 0 이상의 정수여야 합니다: -1');
    expect((await run(['check', EXAMPLE, '--jobs', ' 1 ', '--format', 'json'])).code).toBe(1);
  });

  it('--jobs above four per core is lowered, and stderr says so; the report is the same', async () => {
    const cap = maxJobs();
    const lowered = await run(['check', EXAMPLE, BLANK, '--jobs', String(cap + 1), '--format', 'json']);
    expect(lowered.err).toContain(`--jobs ${cap + 1}: 코어 ${cap / 4}개에 맞춰 ${cap}개로 줄였습니다`);
    const plain = await run(['check', EXAMPLE, BLANK, '--jobs', String(cap), '--format', 'json']);
    expect(plain.err).not.toContain('줄였습니다');
    expect(json(lowered.out).files).toEqual(json(plain.out).files);
    expect(maxJobs(2)).toBe(8);
  });
});

/** An .xlsm as Excel writes it: the workbook part's content type says macro-enabled, and a VBA project part. */
async function makeXlsm(from: string, to: string) {
  const parts = unzipSync(new Uint8Array(await fs.readFile(from)));
  const types = strFromU8(parts['[Content_Types].xml']).replace(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  );
  expect(types).toContain('macroEnabled');
  parts['[Content_Types].xml'] = strToU8(types);
  parts['xl/vbaProject.bin'] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]);
  await fs.writeFile(to, zipSync(parts));
}

describe('--annotate on a macro workbook', () => {
  it('writes <name>.검증.xlsm as docs/cli.md says: the VBA project and the macro-enabled type kept, the input unchanged', async () => {
    const dir = path.join(tmp, 'macro');
    await fs.mkdir(dir, { recursive: true });
    const input = path.join(dir, 'b.xlsm');
    await makeXlsm(EXAMPLE, input);
    const before = await fs.readFile(input);
    const r = await run(['check', input, '--annotate', path.join(tmp, 'macro-out'), '--format', 'json']);
    expect(r.err).not.toContain('검증 사본을 쓰지 않습니다');
    expect(r.code).toBe(1);
    expect(r.err).toContain('b.검증.xlsm');
    const copy = unzipSync(new Uint8Array(await fs.readFile(path.join(tmp, 'macro-out', 'b.검증.xlsm'))));
    expect(Array.from(copy['xl/vbaProject.bin'])).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    expect(strFromU8(copy['[Content_Types].xml'])).toContain('macroEnabled');
    expect(strFromU8(copy['xl/workbook.xml'])).toContain('name="검증결과"');
    expect((await fs.readFile(input)).equals(before)).toBe(true);
  });
});

describe('--annotate run again over its own output', () => {
  it('an annotated copy given as input (a glob run twice) is checked but not copied again', async () => {
    const dir = path.join(tmp, 'glob');
    await fs.mkdir(dir);
    await fs.copyFile(EXAMPLE, path.join(dir, 'plan.xlsx'));
    const first = await run(['check', path.join(dir, 'plan.xlsx'), '--annotate', dir]);
    expect(first.out).toContain('plan.검증.xlsx');
    // What `check *.xlsx --annotate .` sees the second time.
    const again = await run(['check', path.join(dir, 'plan.xlsx'), path.join(dir, 'plan.검증.xlsx'), '--annotate', dir, '--force', '--format', 'json']);
    expect(json(again.out).files).toHaveLength(2);
    expect(again.err).toContain('plan.검증.xlsx: 검증 사본이어서 다시 사본을 쓰지 않았습니다');
    expect((await fs.readdir(dir)).sort()).toEqual(['plan.xlsx', 'plan.검증.xlsx']);
  });
});

describe('folder mode', () => {
  it('reads .xlsm like .xlsx; lists .xls, .pdf, .cell, .ods as not read with what to do; skips lock files and says so', async () => {
    const dir = path.join(tmp, '제출본');
    await fs.mkdir(path.join(dir, 'sub'), { recursive: true });
    await fs.copyFile(EXAMPLE, path.join(dir, 'a.xlsx'));
    await makeXlsm(EXAMPLE, path.join(dir, 'sub', 'b.xlsm'));
    for (const ext of ['xls', 'pdf', 'cell', 'ods']) await fs.writeFile(path.join(dir, `c.${ext}`), 'x');
    await fs.writeFile(path.join(dir, '~$a.xlsx'), 'lock');
    await fs.writeFile(path.join(dir, 'notes.txt'), 'not a candidate');
    const r = await run(['check', dir, '--format', 'json']);
    const j = json(r.out);
    const byName = new Map(j.files.map((f: { file: string }) => [path.basename(f.file), f]));
    expect([...byName.keys()].sort()).toEqual(['a.xlsx', 'b.xlsm', 'c.cell', 'c.ods', 'c.pdf', 'c.xls']);
    const xlsm = byName.get('b.xlsm') as { error: string | null; findings: unknown[] };
    expect(xlsm.error).toBeNull();
    expect(xlsm.findings).toEqual((byName.get('a.xlsx') as { findings: unknown[] }).findings);
    const notRead = j.files.filter((f: { errorCode: string }) => f.errorCode === 'not-read');
    expect(notRead).toHaveLength(4);
    expect((byName.get('c.cell') as { error: string }).error).toContain('한셀에서 .xlsx로 저장');
    expect((byName.get('c.ods') as { error: string }).error).toContain('LibreOffice에서 .xlsx로 저장');
    expect(j.summary).toMatchObject({ files: 2, notRead: 4, lockFiles: 1, unreadable: 0 });
    // Files in formats that are not read do not make the run fail: the example has errors, so 1.
    expect(r.code).toBe(1);
    const text = await run(['check', dir]);
    expect(text.out).toMatch(/^– .*c\.pdf — 읽지 않음: PDF는/m);
    expect(text.out.trimEnd().split('\n').pop()).toContain('(읽지 않은 형식 4개, Excel 잠금 파일(~$) 1개 건너뜀)');
  });

  it('a folder holding only files in formats not read is not a pass: they are listed, and the run says nothing was checked (exit 2)', async () => {
    const dir = path.join(tmp, 'only-old');
    await fs.mkdir(dir);
    await fs.writeFile(path.join(dir, 'a.xls'), 'old');
    await fs.writeFile(path.join(dir, 'b.pdf'), '%PDF-1.4');
    const r = await run(['check', dir]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^– .*a\.xls — 읽지 않음: /m);
    expect(r.err).toContain('검사할 파일이 없습니다: 찾은 파일 2개가 모두 읽지 않는 형식입니다');
    const j = await run(['check', dir, '--format', 'json']);
    expect(j.code).toBe(2);
    expect(json(j.out).summary).toMatchObject({ files: 0, notRead: 2 });
    expect((await run(['check', dir, '--lang', 'en'])).err).toContain('no file to check: the 2 files found are in formats not read');
    await fs.rm(path.join(dir, 'b.pdf'));
    expect((await run(['check', dir, '--lang', 'en'])).err).toContain('no file to check: the 1 file found is in a format not read');
  });

  it('the same file by several names (./, a symbolic link, a folder and a link to it) is checked once', async () => {
    const dir = path.join(tmp, '제출');
    await fs.mkdir(dir);
    await fs.copyFile(EXAMPLE, path.join(dir, 'a.xlsx'));
    await fs.symlink(path.join(dir, 'a.xlsx'), path.join(tmp, 'link.xlsx'));
    await fs.symlink(dir, path.join(tmp, 'folder-link'));
    await fs.symlink('a.xlsx', path.join(dir, 'b.xlsx')); // a link inside the folder to its neighbour
    const r = await run(['check', path.join(dir, 'a.xlsx'), path.join(tmp, 'link.xlsx'), `${dir}/./a.xlsx`, dir, path.join(tmp, 'folder-link'), '--format', 'json']);
    expect(json(r.out).files.map((f: { file: string }) => f.file)).toEqual([path.join(dir, 'a.xlsx')]);
  });

  it('a .pdf named on the command line is an unreadable file (exit 2) with the reason', async () => {
    const pdf = path.join(tmp, 'plan.pdf');
    await fs.writeFile(pdf, '%PDF-1.4');
    const r = await run(['check', pdf]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('원본 .xlsx');
  });
});

describe('template -o', () => {
  it('a folder that does not exist is an error, not a file', async () => {
    const r = await run(['template', '-o', 'missing/'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.err).toContain('폴더가 없습니다: missing/');
    expect(await fs.readdir(tmp)).toEqual([]);
    const deeper = await run(['template', '-o', 'missing/plan.xlsx'], { cwd: tmp });
    expect(deeper.code).toBe(2);
    expect(deeper.err).toContain('폴더가 없습니다: missing');
  });

  it('-o plan writes plan.xlsx; -o x.xls is refused with the reason', async () => {
    const r = await run(['template', '-o', 'plan'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(await fs.readdir(tmp)).toEqual(['plan.xlsx']);
    const xls = await run(['template', '-o', 'x.xls'], { cwd: tmp });
    expect(xls.code).toBe(2);
    expect(xls.err).toContain('서식은 .xlsx로만 씁니다: x.xls — 이름을 x.xlsx처럼 바꾸세요');
    expect(await fs.readdir(tmp)).toEqual(['plan.xlsx']);
  });

  it('-o .xlsx and -o - name no file: refused (they wrote .xlsx.xlsx and -.xlsx)', async () => {
    for (const name of ['.xlsx', '-', 'out/.XLSX']) {
      const r = await run(['template', '-o', name], { cwd: tmp });
      expect([name, r.code]).toEqual([name, 2]);
      expect(r.err).toContain(`파일 이름이 아닙니다: ${name} — 이름을 plan.xlsx처럼 주세요`);
    }
    expect((await run(['export', '--example', '-o', '.hwpx'], { cwd: tmp })).err).toContain('이름을 plan.hwpx처럼 주세요');
    expect(await fs.readdir(tmp)).toEqual([]);
  });

  it('--lang en speaks English', async () => {
    const r = await run(['template', '--lang', 'en', '-o', 'p.xlsx'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.out).toBe('wrote the blank template (2027–2030): p.xlsx\n');
    const again = await run(['template', '--lang', 'en', '-o', 'p.xlsx'], { cwd: tmp });
    expect(again.code).toBe(2);
    expect(again.err).toBe('file exists: p.xlsx; add --force to overwrite it\n');
  });

  it("the README's quick start runs twice (it uses --force)", async () => {
    const readme = await fs.readFile(path.join(__dirname, '../../README.md'), 'utf8');
    const line = /^npm ci && npx jobtarget (.+)$/m.exec(readme)![1];
    const commands = line.split(' && npx jobtarget ').map((c) => c.split(' '));
    for (let round = 0; round < 2; round++) {
      for (const args of commands) {
        const r = await run(args, { cwd: tmp });
        expect([0, 1]).toContain(r.code);
      }
    }
  });
});
