/**
 * `jobtarget check plan.txt`: text documents go through the input-format registry and the same reader;
 * the JSON report names each finding's document section (sheet) and line and field (cell).
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from './run';

const DOCUMENTS = path.join(__dirname, '../fixtures/documents');

describe('check on text documents', () => {
  it('reports the 인천 서구 plan’s 13 errors, 11 warnings and 2 notes by line and field, exit 1', async () => {
    const r = await run(['check', path.join(DOCUMENTS, 'incheon-seogu-2023.txt'), '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    const file = report.files[0];
    expect(file.summary).toEqual({ error: 13, warning: 11, info: 2 });
    const errors = file.findings.filter((f: { severity: string }) => f.severity === 'error');
    expect(errors[0]).toMatchObject({ rule: 'area-total', sheet: '2 분야별 목표', cell: 'L448:F3', expected: 4193, actual: 4197 });
    expect(file.findings.map((f: { cell: string }) => f.cell)).toContain('L895:F3');
  });

  it('reports the 세종 results’ two mismatches', async () => {
    const r = await run(['check', path.join(DOCUMENTS, 'sejong-2024-results.txt'), '--format', 'json']);
    const file = JSON.parse(r.out).files[0];
    expect(file.summary).toEqual({ error: 2, warning: 1, info: 1 });
    expect(file.findings.filter((f: { rule: string }) => f.rule === 'result-sum').map((f: { cell: string; expected: number; actual: number }) => [f.cell, f.expected, f.actual])).toEqual([
      ['L7:F1', 1221, 1216],
      ['L11:F1', 732, 753],
    ]);
  });

  it('reads .tsv too, and says plainly when a text file holds no plan', async () => {
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jobtarget-text-'));
    try {
      const notes = path.join(tmp, 'notes.tsv');
      await fs.writeFile(notes, '회의록\t2024-01-05\n참석\t5명\n');
      const r = await run(['check', notes, '--format', 'json']);
      expect(r.code).not.toBe(0);
      const file = JSON.parse(r.out).files[0];
      expect(file.ok).toBe(false);
      expect(file.error).toContain('none of the plan tables');
    } finally {
      await fs.rm(tmp, { recursive: true, force: true });
    }
  });
});
