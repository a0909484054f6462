/**
 * Accepted findings (수용) in a workbook, through the CLI: the acceptance sheet is written here by exceljs
 * (the test's own writer, as the add-in stores it: very hidden, a header row, one row per acceptance), and
 * `jobtarget check` skips the finding, reports it as accepted in JSON, and says so in the text report.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readXlsxFile } from '../../src/adapters/xlsx/read';
import { ACCEPTED_COLUMNS, ACCEPTED_SHEET } from '../../src/core/accepted';
import { validateGrid } from '../../src/core/validate';
import { run } from './run';

const EXAMPLE = path.join(__dirname, '../fixtures/example.xlsx');

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jobtarget-accepted-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function withAcceptance(rows: Record<(typeof ACCEPTED_COLUMNS)[number], string>[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE);
  const ws = wb.addWorksheet(ACCEPTED_SHEET, { state: 'veryHidden' });
  ws.addRow([...ACCEPTED_COLUMNS]);
  for (const r of rows) ws.addRow(ACCEPTED_COLUMNS.map((c) => r[c]));
  const file = path.join(tmp, 'accepted.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

test('check skips an accepted finding, lists it under accepted in JSON with its reason, and the text says so', async () => {
  const read = await readXlsxFile(EXAMPLE);
  const { findings } = validateGrid(read.grid, { lang: 'ko' });
  const f = findings.find((x) => x.rule === 'area-total' && typeof x.expected === 'number')!;
  const file = await withAcceptance([
    {
      rule: f.rule,
      messageId: f.messageId,
      sheet: f.sheet,
      cell: f.cell,
      expected: String(f.expected),
      actual: String(f.actual),
      reason: '도비 보조 사업 포함',
      acceptedAt: '2026-11-30T03:00:00.000Z',
      message: f.message,
      cells: '',
    },
  ]);

  const plain = JSON.parse((await run(['check', '--format', 'json', EXAMPLE])).out);
  const r = await run(['check', '--format', 'json', file]);
  const j = JSON.parse(r.out);
  const [one] = j.files;
  expect(one.findings).toHaveLength(plain.files[0].findings.length - 1);
  expect(one.findings.some((x: { rule: string; cell: string; sheet: string }) => x.rule === f.rule && x.sheet === f.sheet && x.cell === f.cell)).toBe(false);
  expect(one.accepted).toEqual([expect.objectContaining({ rule: f.rule, sheet: f.sheet, cell: f.cell, severity: f.severity, reason: '도비 보조 사업 포함', acceptedAt: '2026-11-30T03:00:00.000Z' })]);
  expect(one.summary[f.severity]).toBe(plain.files[0].summary[f.severity] - 1);
  expect(j.summary.accepted).toBe(1);
  expect(plain.files[0].accepted).toEqual([]);

  const text = await run(['check', file]);
  expect(text.out).toContain('수용한 항목 1건은 건너뜀');
});

test('an acceptance whose figures no longer match does not hide the finding', async () => {
  const read = await readXlsxFile(EXAMPLE);
  const f = validateGrid(read.grid).findings.find((x) => x.rule === 'area-total' && typeof x.expected === 'number')!;
  const file = await withAcceptance([
    { rule: f.rule, messageId: f.messageId, sheet: f.sheet, cell: f.cell, expected: String(f.expected), actual: String(Number(f.actual) + 1), reason: '', acceptedAt: '', message: '', cells: '' },
  ]);
  const j = JSON.parse((await run(['check', '--format', 'json', file])).out);
  expect(j.files[0].accepted).toEqual([]);
  expect(j.files[0].findings.some((x: { rule: string; cell: string }) => x.rule === f.rule && x.cell === f.cell)).toBe(true);
});
