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
import { RESULT_COLUMNS, SEVERITY_COLOURS, SEVERITY_NAMES, cellLabel, detail, type ColumnKey } from '../../src/core/present';
import type { Finding } from '../../src/core/rules/types';
import { validateGrid } from '../../src/core/validate';
import { ko as KO } from '../../src/taskpane/i18n';
import { groupFindings } from '../../src/taskpane/model/findings';
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





test("the add-in's 검증결과 sheet (strict Office double)", async () => {
  const x = await inserted();
  await writeResultsSheet(x.host, findings, 'ko', () => NOW);
  const letter = (key: ColumnKey) => String.fromCharCode(65 + col(key));
  let header = 0;
  for (let r = 1; r <= 10 && !header; r++) if (x.cell(RESULTS_SHEET, `A${r}`).value === '심각도') header = r;
  expect(header).toBeGreaterThan(0);
  const value = (row: number, key: ColumnKey) => blankToNull(x.cell(RESULTS_SHEET, `${letter(key)}${row}`).value);
  const got: Said[] = findings.map((_, i) => {
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
  expect(got).toEqual(findings.map(said));
  findings.forEach((f, i) => {
    const row = header + 1 + i;
    expect(x.cell(RESULTS_SHEET, `${letter('cell')}${row}`).formula).toBe(`=HYPERLINK("#'${f.sheet}'!${f.cell}","${f.cell}")`);
    expect(x.cell(RESULTS_SHEET, `${letter('severity')}${row}`).format.fill?.color?.toUpperCase()).toBe(`#${SEVERITY_COLOURS[f.severity].cell}`);
  });
});

test("the task pane's list model, and its severity names", () => {
  const listed = groupFindings(findings, plan).flatMap((g) => g.tables.flatMap((t) => t.findings));
  expect(listed.map(said)).toEqual(findings.map(said));
  expect({ error: KO.error, warning: KO.warning, info: KO.info }).toEqual(SEVERITY_NAMES.ko);
});
