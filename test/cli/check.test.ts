import ExcelJS from 'exceljs';
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RESULTS_SHEET, readXlsxFile } from '../../src/adapters/xlsx/read';
import { exampleFile } from '../../src/cli/examples';
import { CSV_HEADER, csvField } from '../../src/cli/formatters/csv';
import { displayWidth } from '../../src/cli/width';
import type { Finding } from '../../src/core/rules/types';
import { RESULT_COLUMNS, headlineParts } from '../../src/core/present';
import { validateGrid } from '../../src/core/validate';
import { BROKEN, DRIFTS } from '../support/fixtures';
import { parseCsv, run } from './run';

const EXAMPLE_FILE = exampleFile('incheon-seogu-2023');

const FIXTURES = path.join(__dirname, '../fixtures');
const EXAMPLE = path.join(FIXTURES, 'example.xlsx');
const BLANK = path.join(FIXTURES, 'blank-2027.xlsx');
const sha = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');

/** What the engine says about a file, in the report's order and JSON shape. */
async function engineFindings(file: string, lang: 'ko' | 'en' = 'ko') {
  const read = await readXlsxFile(file);
  return validateGrid(read.grid, { lang }).findings;
}
async function engine(file: string, lang: 'ko' | 'en' = 'ko') {
  return (await engineFindings(file, lang)).map(contract);
}
/** The fields of JSON version 1 a report finding has (the structured ones were added after them). */
const V1_KEYS = ['rule', 'severity', 'sheet', 'cell', 'cells', 'expected', 'actual', 'tolerance', 'message'] as const;
const v1 = (x: Record<string, unknown>) => Object.fromEntries(V1_KEYS.map((k) => [k, x[k]]));

const contract = (f: Finding) => ({
  rule: f.rule,
  severity: f.severity,
  sheet: f.sheet,
  cell: f.cell,
  cells: f.cells,
  expected: f.expected,
  actual: f.actual,
  tolerance: f.tolerance,
  message: f.message,
});

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jobtarget-cli-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('usage', () => {
  it('check without a PATH says what it needs and exits 2', async () => {
    const r = await run(['check']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('검사할 파일(.xlsx, .xlsm, .hwpx, .txt)이나 폴더를 주세요');
    expect(r.err).toContain('jobtarget check --example');
  });

  it('no command prints the help and exits 2; --help and --version exit 0', async () => {
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.out + none.err).toContain('사용법: jobtarget');
    expect((await run(['--help', '--lang', 'en'])).out).toContain('Usage: jobtarget');
    const help = await run(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('--annotate <DIR>');
    expect((await run(['--version'])).code).toBe(0);
  });

  it('an unknown option, command or format is bad usage (2)', async () => {
    expect((await run(['check', EXAMPLE, '--format', 'xml'])).code).toBe(2);
    expect((await run(['check', EXAMPLE, '--colour'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['check', EXAMPLE, '--lang', 'fr'])).code).toBe(2);
  });
});

describe('check: text', () => {
  it('prints a Korean table of the findings with cells and figures, then a summary; exit 1 for the example', async () => {
    const want = await engineFindings(EXAMPLE);
    const r = await run(['check', EXAMPLE]);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    expect(r.out).toContain(`■ ${EXAMPLE} — 인천광역시 서구 · 민선 8기 · 2023~2026`);
    // Stylish: per sheet, one short line per finding — cell, severity, headline, rule id.
    const lines = r.out.split('\n');
    for (const f of want) {
      const line = lines.find((l) => new RegExp(`^\\s+${f.cell}\\s+${{ error: '오류', warning: '경고', info: '정보' }[f.severity]}\\s+`).test(l) && l.trimEnd().endsWith(`  ${f.rule}`));
      expect(line).toBeDefined();
      // The claim (figures) is never cut; the place before it may be.
      expect(line).toContain(headlineParts(f, 'ko').claim);
    }
    expect(lines).toContain('  분야별 목표');
    const n = (s: string) => want.filter((f) => f.severity === s).length;
    expect(r.out.split('\n')[0]).toContain(`— 오류 ${n('error')} · 경고 ${n('warning')} · 정보 ${n('info')}`);
    expect(r.out.trimEnd().split('\n').pop()).toBe(`파일 1개 검사: 오류가 있는 파일 1개, 문제없는 파일 0개 — 오류 ${n('error')} · 경고 ${n('warning')} · 정보 ${n('info')}`);
  });

  it('aligns columns by display width (Hangul is two columns wide)', () => {
    expect(displayWidth('오류')).toBe(4);
    expect(displayWidth('C12')).toBe(3);
    expect(displayWidth('분야별 목표!C7')).toBe(14);
  });

  it('speaks English with --lang en (messages from the rules in English)', async () => {
    const want = await engineFindings(EXAMPLE, 'en');
    const r = await run(['check', EXAMPLE, '--lang', 'en']);
    for (const f of want) expect(r.out).toContain(headlineParts(f, 'en').claim);
    expect(r.out).toMatch(/^\s+C7\s+error\s+/m);
    expect(r.out).toContain('인천광역시 서구 · 8th term · 2023–2026');
    expect(r.out.trimEnd().split('\n').pop()).toMatch(/^1 file checked: 1 file with errors, 0 clean — \d+ errors · \d+ warnings · \d+ info$/);
  });

  it('a file without findings says so; exit 0 when there is no error (warnings only)', async () => {
    const r = await run(['check', BLANK, '--format', 'json']);
    const j = JSON.parse(r.out);
    expect(j.files[0].summary.error).toBe(0);
    expect(r.code).toBe(0);
  });
});

describe('check: JSON contract', () => {
  it('has exactly the documented shape, and the engine findings', async () => {
    const r = await run(['check', EXAMPLE, '--format', 'json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['version', 'lang', 'files', 'summary']);
    expect(j.lang).toBe('ko');
    expect(j.version).toBe(1);
    expect(Object.keys(j.summary)).toEqual(['files', 'error', 'warning', 'info', 'unreadable', 'accepted', 'notRead', 'lockFiles', 'withErrors', 'withWarnings', 'clean', 'empty']);
    const [f] = j.files;
    expect(Object.keys(f)).toEqual(['file', 'sha256', 'ok', 'error', 'errorCode', 'plan', 'progress', 'summary', 'findings', 'accepted']);
    expect(f.plan).toEqual({ region: '인천광역시 서구', term: 8, startYear: 2023, endYear: 2026, resultsYear: null, organisation: null });
    expect(f.progress).toEqual({ subprojects: { entered: 43, total: 43 }, indicators: { entered: 6, total: 6 }, untouched: false });
    expect(f.file).toBe(EXAMPLE);
    expect(f.sha256).toBe(await sha(EXAMPLE));
    expect(f.ok).toBe(false);
    expect(f.error).toBeNull();
    expect(Object.keys(f.summary)).toEqual(['error', 'warning', 'info']);
    for (const x of f.findings) {
      // Version 1's fields first, with their meaning; then the structured ones (docs/cli.md).
      expect(Object.keys(x)).toEqual([...V1_KEYS, 'headline', 'messageId', 'data', 'messages', 'detail', 'severityName', 'where', 'refs', 'place', 'placeLabel', 'difference', 'unit']);
      expect(['error', 'warning', 'info']).toContain(x.severity);
      expect(Array.isArray(x.cells)).toBe(true);
    }
    expect(f.findings.map(v1)).toEqual(await engine(EXAMPLE));
    expect(j.summary).toEqual({ files: 1, error: f.summary.error, warning: f.summary.warning, info: f.summary.info, unreadable: 0, accepted: 0, notRead: 0, lockFiles: 0, withErrors: 1, withWarnings: 0, clean: 0, empty: 0 });
    // Sums name the total and every part, sheet-qualified.
    const sum = f.findings.find((x: { rule: string }) => x.rule === 'area-total');
    expect(sum.cells.length).toBeGreaterThan(2);
    for (const c of sum.cells) expect(c).toMatch(/^('[^']+'|[^'!]+)![A-Z]+\d+$/);
  });

  it('check --example reports exactly what checking example.xlsx reports', async () => {
    const a = JSON.parse((await run(['check', '--example', '--format', 'json'])).out);
    const b = JSON.parse((await run(['check', EXAMPLE, '--format', 'json'])).out);
    expect(a.files[0].file).toBe(EXAMPLE_FILE);
    expect(a.files[0].findings).toEqual(b.files[0].findings);
    expect(a.files[0].summary).toEqual(b.files[0].summary);
    expect(a.files[0].findings.length).toBeGreaterThan(0);
  });

  it('check --example sejong-2024 reports the 세종 results inconsistencies; --example PATH still checks PATH', async () => {
    const s = JSON.parse((await run(['check', '--example', 'sejong-2024', '--format', 'json'])).out);
    expect(s.files[0].file).toBe(exampleFile('sejong-2024'));
    expect(s.files[0].findings.filter((f: { severity: string }) => f.severity === 'error').map((f: { rule: string; cell: string; expected: number; actual: number }) => [f.rule, f.cell, f.expected, f.actual])).toEqual([
      ['result-sum', 'E9', 1221, 1216],
      ['result-sum', 'E16', 732, 753],
    ]);
    const both = JSON.parse((await run(['check', '--example', EXAMPLE, '--format', 'json'])).out);
    expect(both.files.map((f: { file: string }) => f.file)).toEqual([EXAMPLE_FILE, EXAMPLE]);
  });

  it('keeps the one order (core/present): workbook order, then row and column, as the engine gives it', async () => {
    const j = JSON.parse((await run(['check', EXAMPLE, '--format', 'json'])).out);
    const want = await engineFindings(EXAMPLE);
    expect(j.files[0].findings.map((f: { sheet: string; cell: string; rule: string }) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual(want.map((f) => `${f.sheet}!${f.cell} ${f.rule}`));
    // Not severity first: a warning on row 7 comes before an error on row 8.
    const cells = j.files[0].findings.map((f: { cell: string; severity: string }) => `${f.cell}:${f.severity}`);
    expect(cells.indexOf('F7:warning')).toBeLessThan(cells.indexOf('C8:error'));
  });
});

describe('check: CSV', () => {
  it('one row per finding, file first, header row, RFC 4180 quoting, UTF-8 with BOM', async () => {
    const json = JSON.parse((await run(['check', EXAMPLE, '--format', 'json'])).out);
    const r = await run(['check', EXAMPLE, '--format', 'csv']);
    expect(r.code).toBe(1);
    expect(r.out.startsWith('\uFEFF')).toBe(true);
    expect(r.out.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(r.out.slice(1));
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows[0][0]).toBe('file');
    const body = rows.slice(1);
    expect(body).toHaveLength(json.files[0].findings.length);
    body.forEach((row, i) => {
      const f = json.files[0].findings[i];
      const n = (v: number | null) => (v === null ? '' : String(v));
      expect(row).toEqual([EXAMPLE, f.severity, f.rule, f.sheet, f.cell, n(f.expected), n(f.actual), n(f.tolerance), f.message, f.cells.join(' '), '인천광역시 서구', '8', '2023-2026', n(f.difference), f.unit ?? '', f.placeLabel, f.messageId, f.headline, f.severityName]);
    });
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('그는 "합계"라고')).toBe('"그는 ""합계""라고"');
    expect(csvField('줄\n바꿈')).toBe('"줄\n바꿈"');
    expect(csvField(null)).toBe('');
  });

  it('a file that cannot be read gets one row with rule "unreadable"', async () => {
    const r = await run(['check', path.join(FIXTURES, 'broken', 'empty.xlsx'), '--format', 'csv']);
    expect(r.code).toBe(2);
    const rows = parseCsv(r.out.slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[1].slice(0, 3)).toEqual([path.join(FIXTURES, 'broken', 'empty.xlsx'), 'error', 'unreadable']);
    expect(rows[1][8]).toContain('빈 파일');
  });
});

describe('check: broken files and batches', () => {
  it.each(BROKEN.map((b) => [b.file, b] as const))('%s gives one clear line on stderr and exit 2', async (_, b) => {
    const file = path.join(FIXTURES, 'broken', b.file);
    const r = await run(['check', file]);
    expect(r.code).toBe(2);
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith(`${file}: 읽지 못함 — `)).toBe(true);
    expect(lines[0]).toMatch(/[가-힣].*\(.*[a-z]{3,}.*\)/);
    const j = JSON.parse((await run(['check', file, '--format', 'json'])).out);
    expect(j.files[0]).toMatchObject({ file, ok: false, summary: { error: 0, warning: 0, info: 0 }, findings: [] });
    expect(typeof j.files[0].error).toBe('string');
    expect(j.files[0].error).toBe(lines[0].slice(`${file}: 읽지 못함 — `.length));
    expect(j.summary.unreadable).toBe(1);
  });

  it('a folder is searched recursively; broken files do not stop the batch; 2 wins over 1', async () => {
    const r = await run(['check', FIXTURES, '--format', 'json']);
    expect(r.code).toBe(2);
    const j = JSON.parse(r.out);
    const names = j.files.map((f: { file: string }) => path.relative(FIXTURES, f.file)).sort();
    const want = [
      'example.xlsx',
      'blank-2027.xlsx',
      ...DRIFTS.map((d) => d.file),
      ...BROKEN.filter((b) => b.file.endsWith('.xlsx')).map((b) => path.join('broken', b.file)),
    ].sort();
    expect(names).toEqual([...want, 'broken/legacy.xls'].sort());
    // .xls found in a folder is listed as not read, with what to do; it does not count as unreadable.
    const xls = j.files.find((f: { file: string }) => f.file.endsWith('legacy.xls'));
    expect(xls).toMatchObject({ errorCode: 'not-read', ok: false });
    expect(xls.error).toContain('.xlsx로 저장');
    expect(j.summary.notRead).toBe(1);
    const broken = j.files.filter((f: { error: string | null; errorCode: string }) => f.error !== null && f.errorCode !== 'not-read');
    expect(broken).toHaveLength(BROKEN.filter((b) => b.file.endsWith('.xlsx')).length);
    expect(j.summary.unreadable).toBe(broken.length);
    expect(r.err.trimEnd().split('\n')).toHaveLength(broken.length);
    // The readable ones were all checked.
    const ex = j.files.find((f: { file: string }) => f.file.endsWith(`${path.sep}example.xlsx`));
    expect(ex.findings.map(v1)).toEqual(await engine(EXAMPLE));
  });

  it('exit codes: 0 without errors, 1 with an error finding, 2 with an unreadable file', async () => {
    expect((await run(['check', BLANK])).code).toBe(0);
    expect((await run(['check', EXAMPLE])).code).toBe(1);
    expect((await run(['check', BLANK, EXAMPLE])).code).toBe(1);
    expect((await run(['check', EXAMPLE, path.join(FIXTURES, 'broken', 'truncated.xlsx')])).code).toBe(2);
    expect((await run(['check', BLANK, 'no-such.xlsx'])).code).toBe(2);
  });

  it('a workbook without plan tables counts as unreadable with the reader\'s reason', async () => {
    const r = await run(['check', path.join(FIXTURES, 'broken', 'no-tables.xlsx'), '--format', 'json']);
    expect(r.code).toBe(2);
    const j = JSON.parse(r.out);
    expect(j.files[0].error).toContain('찾지 못했습니다');
    expect(j.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('skips Excel lock files and jobtarget\'s own annotated copies in folders, and folders without workbooks are reported', async () => {
    await fs.copyFile(EXAMPLE, path.join(tmp, 'a.xlsx'));
    await fs.writeFile(path.join(tmp, '~$a.xlsx'), 'lock');
    await fs.copyFile(EXAMPLE, path.join(tmp, 'a.검증.xlsx'));
    await fs.writeFile(path.join(tmp, 'notes.txt'), 'x');
    await fs.mkdir(path.join(tmp, 'empty'));
    const j = JSON.parse((await run(['check', '.', '--format', 'json'], { cwd: tmp })).out);
    expect(j.files.map((f: { file: string }) => f.file)).toEqual(['a.xlsx']);
    const r = await run(['check', 'empty'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.err).toContain('empty: 폴더에 검사할 파일(.xlsx, .xlsm, .hwpx, .hwp)이 없습니다 — 텍스트 문서(.txt, .tsv)는 파일 이름으로 주세요');
    expect((await run(['check', 'empty', '--lang', 'en'], { cwd: tmp })).err).toContain('empty: no files to check in this folder (.xlsx, .xlsm, .hwpx, .hwp); name text documents (.txt, .tsv) as files');
  });

  it('never writes the files it checks', async () => {
    const files = [EXAMPLE, BLANK, ...DRIFTS.map((d) => path.join(FIXTURES, d.file))];
    const before = await Promise.all(files.map(sha));
    await run(['check', ...files, '--format', 'json']);
    expect(await Promise.all(files.map(sha))).toEqual(before);
  });
});

describe('check --annotate', () => {
  it('writes an annotated copy per readable file, and leaves the inputs as they were', async () => {
    const a = path.join(tmp, '제출', '인천 서구.xlsx');
    await fs.mkdir(path.dirname(a));
    await fs.copyFile(EXAMPLE, a);
    await fs.copyFile(path.join(FIXTURES, 'broken', 'empty.xlsx'), path.join(tmp, '제출', 'empty.xlsx'));
    const before = await sha(a);
    const r = await run(['check', '제출', '--annotate', 'out'], { cwd: tmp });
    expect(r.code).toBe(2); // empty.xlsx
    const out = path.join(tmp, 'out', '인천 서구.검증.xlsx');
    expect(r.out).toContain(`검증 사본: ${path.join('out', '인천 서구.검증.xlsx')}`);
    expect(await sha(a)).toBe(before);
    expect(await fs.readdir(path.join(tmp, 'out'))).toEqual(['인천 서구.검증.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rs = wb.getWorksheet(RESULTS_SHEET)!;
    const want = await engine(EXAMPLE);
    let links = 0;
    // One link per finding in the 셀 column (the 관련 셀 column links too: counted apart).
    const cellCol = RESULT_COLUMNS.findIndex((c) => c.key === 'cell') + 1;
    rs.eachRow((row) => void (row.getCell(cellCol).formula?.startsWith('HYPERLINK("#') ? links++ : 0));
    expect(links).toBe(want.filter((f) => f.cell).length);
    const first = want.find((f) => f.severity === 'error')!;
    const cell = wb.getWorksheet(first.sheet)!.getCell(first.cell);
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    const note = typeof cell.note === 'string' ? cell.note : (cell.note.texts ?? []).map((t) => t.text).join('');
    expect(note).toContain(first.message);
    // The copy reads back as the same plan: same findings.
    expect(await engine(out)).toEqual(want);
  });

  it('refuses to overwrite an input (exit 2) and still checks it', async () => {
    const x = path.join(tmp, 'x.xlsx');
    const copy = path.join(tmp, 'x.검증.xlsx');
    await fs.copyFile(EXAMPLE, x);
    await fs.copyFile(BLANK, copy);
    const before = [await sha(x), await sha(copy)];
    const r = await run(['check', 'x.xlsx', 'x.검증.xlsx', '--annotate', '.', '--format', 'json'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.err).toContain('입력 파일이거나 입력 파일로 이어져 쓰지 않았습니다');
    expect([await sha(x), await sha(copy)]).toEqual(before);
    const j = JSON.parse(r.out);
    expect(j.files).toHaveLength(2);
    expect(j.files[0].findings.length).toBeGreaterThan(0);
  });

  it('two inputs with the same name get distinct copies', async () => {
    for (const d of ['a', 'b']) {
      await fs.mkdir(path.join(tmp, d));
      await fs.copyFile(EXAMPLE, path.join(tmp, d, 'plan.xlsx'));
    }
    const r = await run(['check', 'a', 'b', '--annotate', 'out', '--format', 'json'], { cwd: tmp });
    expect(r.code).toBe(1);
    expect((await fs.readdir(path.join(tmp, 'out'))).sort()).toEqual(['plan (2).검증.xlsx', 'plan.검증.xlsx']);
  });

  it('annotates the built-in example too', async () => {
    const r = await run(['check', '--example', '--annotate', 'out'], { cwd: tmp });
    expect(r.code).toBe(1);
    expect(await fs.readdir(path.join(tmp, 'out'))).toEqual([EXAMPLE_FILE.replace(/\.xlsx$/, '.검증.xlsx')]);
  });
});

describe('progress bar', () => {
  it('shows on a terminal when several files are checked, and the report is unchanged', async () => {
    const plain = await run(['check', EXAMPLE, BLANK]);
    const tty = await run(['check', EXAMPLE, BLANK], { isTTY: true });
    expect(tty.out).toBe(plain.out);
    expect(tty.code).toBe(plain.code);
    expect(tty.err).toMatch(/\d\/2/);
    expect(plain.err).toBe('');
  });

  it('does not show for a single file or when stderr is not a terminal', async () => {
    expect((await run(['check', EXAMPLE], { isTTY: true })).err).toBe('');
    expect((await run(['check', EXAMPLE, BLANK], { isTTY: false })).err).toBe('');
  });
});
