/**
 * What a crafted workbook puts in labels, sheet names and file names reaches the live reports harmlessly:
 * the CSV report neutralises formula-like text (OWASP), the terminal report shows control characters escaped.
 */
import { formatCsvRows } from '../../src/cli/formatters/csv';
import { formatHtml } from '../../src/cli/formatters/html';
import type { FileReport } from '../../src/cli/formatters/types';
import { formatTextFile as formatStylishFile } from '../../src/cli/formatters/text';
import type { Finding } from '../../src/core/rules/types';
import { handMadeFinding } from '../support/findings';

function report(label: string, sheet: string, file: string): FileReport {
  const finding = {
    rule: 'row-total', severity: 'error', sheet, cell: 'C7', cells: [`'${sheet}'!C7`],
    expected: 10, actual: 12, tolerance: 1, message: `${label} 합계: 12 ≠ 10`, messageEn: `${label} total: 12 ≠ 10`, messageId: 'mismatch',
  } as unknown as Finding;
  return { file, sha256: null, ok: false, error: null, errorCode: null, plan: null, summary: { error: 1, warning: 0, info: 0 }, findings: [finding] };
}

describe('CSV report', () => {
  it.each(['=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1)', '\tTAB', '\rCR'])('neutralises %j in a label and a sheet name', (evil) => {
    const csv = formatCsvRows(report(evil, evil, 'plan.xlsx'));
    const fields = csv.replace(/\r\n$/, '').split(',');
    // No field of the row starts with a formula trigger (quoted or not).
    for (const f of fields) expect(f.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    expect(csv).toContain(`'${evil.replace(/"/g, '""')}`);
  });

  it('keeps numbers as numbers (a negative figure is not text)', () => {
    const r = report('x', 'sheet', 'plan.xlsx');
    (r.findings[0] as { expected: number }).expected = -5;
    expect(formatCsvRows(r)).toContain(',-5,');
  });
});

describe('text report', () => {
  it('shows ESC sequences, OSC 8 links and CR/LF from labels, sheet names and file names escaped', () => {
    const out = formatStylishFile(report('\u001b[2J청년\r\n가짜 행', '\u001b]8;;http://evil\u0007시트', 'a\u001b[31m.xlsx'), { lang: 'ko' });
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\r');
    expect(out).toContain('\\x1b[2J청년\\r\\n가짜 행');
    expect(out).toContain('\\x1b]8;;http://evil\\x07시트');
    expect(out).toContain('a\\x1b[31m.xlsx');
  });
});

describe('bidi controls in labels', () => {
  // An unclosed U+202E (RIGHT-TO-LEFT OVERRIDE) in a name showed the rest of the line reversed: "합계 12 ≠ 10" as "01 ≠ 21 계합".
  const finding = handMadeFinding({ sheet: '시트\u2067', cell: 'C7', cells: ["'시트\u2067'!C7"], refs: [{ sheet: '시트\u2067', cell: 'C7' }], message: '\u202E청년 역방향 합계: 12 ≠ 10', messageEn: '\u202E청년 역방향 total: 12 ≠ 10' });
  const rlo: FileReport = { file: 'plan\u202D.xlsx', sha256: null, ok: false, error: null, errorCode: null, plan: null, summary: { error: 1, warning: 0, info: 0 }, findings: [finding] };
  it('are shown escaped in the text report', () => {
    const out = formatStylishFile(rlo, { lang: 'ko', verbose: true });
    expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(out).toContain('\\u202e청년 역방향');
    expect(out).toContain('시트\\u2067');
    expect(out).toContain('plan\\u202d.xlsx');
  });
  it('are shown escaped in the HTML report', () => {
    const html = formatHtml([rlo], { lang: 'ko', chartJs: '' });
    const body = html.slice(0, html.indexOf('<script id="data"'));
    expect(body).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(body).toContain('\\u202e청년 역방향 합계: 12 ≠ 10');
  });
});
