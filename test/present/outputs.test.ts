/**
 * One set of findings through every output — the text, JSON and CSV reports, the annotated copy's
 * 검증결과 sheet, the add-in's 검증결과 sheet (through the strict Office double) and the task pane's list
 * model — must agree on the order, the severity names, the figures and the cells. The findings are the
 * engine's on a real fixture (test/fixtures/example.xlsx, written by scripts/make-fixtures.ts).
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RESULTS_SHEET, writeResultsSheet } from '../../src/adapters/office';
import { readXlsxFile } from '../../src/adapters/xlsx/read';
import { RESULT_COLUMNS, SEVERITY_COLOURS, SEVERITY_NAMES, cellLabel, detail, figuresText, type ColumnKey } from '../../src/core/present';
import type { Finding } from '../../src/core/rules/types';
import { validateGrid } from '../../src/core/validate';
import { ko as KO } from '../../src/taskpane/i18n';
import { groupFindings, paneOrder } from '../../src/taskpane/model/findings';
import { inserted } from '../adapters/office/helpers';
import { parseCsv, run } from '../cli/run';

const EXAMPLE = path.join(__dirname, '..', 'fixtures', 'example.xlsx');
const NOW = new Date('2026-11-21T09:00:00Z');

/** What every output must say about a finding, in the same order. */
interface Said {
  severity: string;
  sheet: string;
  cell: string;
  expected: number | string | null;
  actual: number | string | null;
  cells: string[];
}

const said = (f: Finding): Said => ({
  severity: SEVERITY_NAMES.ko[f.severity],
  sheet: f.sheet,
  cell: f.cell,
  expected: f.expected,
  actual: f.actual,
  cells: f.refs.map((r) => cellLabel(r)),
});

const col = (key: ColumnKey) => RESULT_COLUMNS.findIndex((c) => c.key === key);
/** The 검증결과 sheet's 관련 셀 text back to one label per cell: it names a sheet once per run ("A!C7, C8" → A!C7, A!C8). */
const expandCells = (text: string) => {
  let sheet = '';
  return text.split(', ').map((p) => {
    const i = p.lastIndexOf('!');
    if (i < 0) return `${sheet}!${p}`;
    sheet = p.slice(0, i);
    return p;
  });
};
/** What a 검증결과 sheet says of each finding, read from the rows under its header row. */
function sheetSaid(header: number, value: (row: number, key: ColumnKey) => number | string | null): Said[] {
  return findings.map((_, i) => {
    const row = header + 1 + i;
    return {
      severity: value(row, 'severity') as string,
      sheet: value(row, 'sheet') as string,
      cell: value(row, 'cell') as string,
      expected: value(row, 'expected'),
      actual: value(row, 'actual'),
      cells: expandCells(String(value(row, 'cells'))),
    };
  });
}

const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : (v as number | string | null));

let findings: Finding[];
let sheets: string[];
let plan: ReturnType<typeof validateGrid>['plan'];
let tmp: string;

beforeAll(async () => {
  const read = await readXlsxFile(EXAMPLE);
  const result = validateGrid(read.grid);
  findings = result.findings;
  plan = result.plan;
  sheets = read.grid.sheets.map((s) => s.name);
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'outputs-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

test('the findings are in the one order: workbook order, then row and column; every severity present', () => {
  expect(findings.length).toBeGreaterThan(20);
  expect(new Set(findings.map((f) => f.severity))).toEqual(new Set(['error', 'warning', 'info']));
  const key = (f: Finding) => {
    const m = /^([A-Z]+)(\d+)$/.exec(f.cell)!;
    return [sheets.indexOf(f.sheet), Number(m[2]), m[1].length, m[1]] as const;
  };
  for (let i = 1; i < findings.length; i++) {
    const [a, b] = [key(findings[i - 1]), key(findings[i])];
    expect(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && (a[2] < b[2] || (a[2] === b[2] && a[3] <= b[3])))))).toBe(true);
  }
});

/** The text report (--verbose): per sheet, one line per finding, then its message, figures and cells. */
test('the text report', async () => {
  const r = await run(['check', EXAMPLE, '--verbose']);
  const got: Said[] = [];
  const blocks: string[] = [];
  let sheet = '';
  for (const line of r.out.split('\n')) {
    const heading = /^ {2}(\S.*)$/.exec(line);
    const finding = /^ {4}(\S+)\s+(오류|경고|정보)\s/.exec(line);
    if (heading && !line.startsWith('   ')) sheet = heading[1];
    else if (finding) {
      got.push({ severity: finding[2], sheet, cell: finding[1], expected: null, actual: null, cells: [] });
      blocks.push('');
    } else if (line.startsWith(' '.repeat(11)) && blocks.length) blocks[blocks.length - 1] += ` ${line.trim()}`;
  }
  expect(got.map((g) => [g.severity, g.sheet, g.cell])).toEqual(findings.map((f) => [SEVERITY_NAMES.ko[f.severity], f.sheet, f.cell]));
  findings.forEach((f, i) => {
    const figures = figuresText(f, 'ko');
    if (figures) expect(blocks[i]).toContain(figures);
    expect(blocks[i]).toContain(`셀: ${f.refs.map((c) => cellLabel(c)).join(', ')}`);
  });
});

test('the JSON report', async () => {
  const j = JSON.parse((await run(['check', EXAMPLE, '--format', 'json'])).out);
  const listed = j.files[0].findings as { severityName: string; sheet: string; cell: string; expected: number | string | null; actual: number | string | null; refs: { sheet: string; cell: string }[]; detail: string }[];
  expect(listed.map((x) => ({ severity: x.severityName, sheet: x.sheet, cell: x.cell, expected: x.expected, actual: x.actual, cells: x.refs.map((c) => cellLabel(c)) }))).toEqual(findings.map(said));
  expect(listed.map((x) => x.detail)).toEqual(findings.map((f) => detail(f, 'ko')));
});

test('the CSV report', async () => {
  const rows = parseCsv((await run(['check', EXAMPLE, '--format', 'csv'])).out.replace(/^\uFEFF/, ''));
  const h = (name: string) => rows[0].indexOf(name);
  const num = (v: string) => (v === '' ? null : Number.isNaN(Number(v)) ? v : Number(v));
  const got: Said[] = rows.slice(1).map((row) => ({
    severity: row[h('severity_name')],
    sheet: row[h('sheet')],
    cell: row[h('cell')],
    expected: num(row[h('expected')]),
    actual: num(row[h('actual')]),
    // Excel's references, space-separated: a quoted sheet name may hold spaces.
    cells: (row[h('cells')].match(/'(?:[^']|'')*'!\S+|\S+/g) ?? []).map((c) => c.replace(/^'((?:[^']|'')*)'!/, (_, n: string) => `${n.replace(/''/g, "'")}!`)),
  }));
  expect(got).toEqual(findings.map(said));
});

test("the annotated copy's 검증결과 sheet (check --annotate, read back with exceljs)", async () => {
  const input = path.join(tmp, 'plan.xlsx');
  await fs.copyFile(EXAMPLE, input);
  const r = await run(['check', input, '--annotate', path.join(tmp, 'out')]);
  expect(r.code).toBe(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(tmp, 'out', 'plan.검증.xlsx'));
  const ws = wb.getWorksheet(RESULTS_SHEET)!;
  let header = 0;
  for (let row = 1; row <= 10 && !header; row++) if (ws.getCell(row, 1).value === '심각도') header = row;
  expect(header).toBeGreaterThan(0);
  const value = (row: number, key: ColumnKey) => {
    const v = ws.getCell(row, col(key) + 1).value as unknown;
    // A link cell holds a formula with its cached text.
    return blankToNull(v && typeof v === 'object' && 'result' in (v as object) ? (v as { result: unknown }).result : v);
  };
  expect(sheetSaid(header, value)).toEqual(findings.map(said));
  // Nothing below the last finding: the sheet lists exactly these findings.
  expect(blankToNull(ws.getCell(header + findings.length + 1, col('severity') + 1).value)).toBeNull();
});

test("the add-in's 검증결과 sheet (strict Office double)", async () => {
  const x = await inserted();
  await writeResultsSheet(x.host, findings, 'ko', () => NOW);
  const letter = (key: ColumnKey) => String.fromCharCode(65 + col(key));
  let header = 0;
  for (let r = 1; r <= 10 && !header; r++) if (x.cell(RESULTS_SHEET, `A${r}`).value === '심각도') header = r;
  expect(header).toBeGreaterThan(0);
  const value = (row: number, key: ColumnKey) => blankToNull(x.cell(RESULTS_SHEET, `${letter(key)}${row}`).value);
  expect(sheetSaid(header, value)).toEqual(findings.map(said));
  findings.forEach((f, i) => {
    const row = header + 1 + i;
    expect(x.cell(RESULTS_SHEET, `${letter('cell')}${row}`).formula).toBe(`=HYPERLINK("#'${f.sheet}'!${f.cell}","${f.cell}")`);
    expect(x.cell(RESULTS_SHEET, `${letter('severity')}${row}`).format.fill?.color?.toUpperCase()).toBe(`#${SEVERITY_COLOURS[f.severity].cell}`);
  });
});

test("the task pane's list model, and its severity names", () => {
  const listed = groupFindings(paneOrder([...findings].reverse(), sheets)).flatMap((g) => g.tables.flatMap((t) => t.findings));
  expect(listed.map(said)).toEqual(findings.map(said));
  expect({ error: KO.error, warning: KO.warning, info: KO.info }).toEqual(SEVERITY_NAMES.ko);
});
