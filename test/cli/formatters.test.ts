/** The formatter registry, CSV-injection neutralising and control-character escaping (issue #15's output side). */
import { FORMATTERS, getFormatter } from '../../src/cli/formatters';
import { csvField, formatCsvRows } from '../../src/cli/formatters/csv';
import { FORMAT_NAMES } from '../../src/cli/formatters/names';
import { escapeControl, formatTextFile, unreadableLine } from '../../src/cli/formatters/text';
import type { FileReport } from '../../src/cli/formatters/types';
import { makeFinding } from '../../src/core/rules/run';
import { displayWidth } from '../../src/cli/width';
import { parseCsv } from './run';

test('--format offers exactly the registered formatters, each a module with a name', () => {
  expect(FORMATTERS.map((f) => f.name)).toEqual([...FORMAT_NAMES]);
  for (const name of FORMAT_NAMES) expect(getFormatter(name).name).toBe(name);
  expect(() => getFormatter('xml')).toThrow(/unknown format: xml \(known: text, json, csv, html\)/);
});

/** A finding whose labels come from a hostile workbook. */
function hostile(label: string): FileReport {
  const f = makeFinding({
    rule: 'value-not-number',
    severity: 'error',
    messageId: 'notANumber',
    message: { ko: '{{what}}: "{{raw}}"', en: '{{what}}: "{{raw}}"' },
    data: { what: label, raw: label },
    at: { sheet: label, cell: 'C5' },
    actual: label,
  });
  return { file: `evil${label}.xlsx`, sha256: null, ok: false, error: null, errorCode: null, plan: null, summary: { error: 1, warning: 0, info: 0 }, findings: [f] };
}

describe('CSV: fields a spreadsheet would run as formulas get a leading apostrophe (OWASP)', () => {
  test.each(['=1+1', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil","x")'])('%j', (v) => {
    expect(csvField(v).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
  });
  test('numbers and harmless text stay as they are', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField('청년 일자리')).toBe('청년 일자리');
    expect(csvField("it's")).toBe("it's");
  });
  test('every text field of a row, labels included, is neutralised', () => {
    const rows = parseCsv(formatCsvRows(hostile('=cmd|"/c calc"!A1'), 'ko'));
    const cells = rows[0];
    for (const c of cells) expect(c.startsWith('=')).toBe(false);
    expect(cells[3]).toBe(`'=cmd|"/c calc"!A1`); // the sheet
    expect(cells[6]).toBe(`'=cmd|"/c calc"!A1`); // actual
  });
});

describe('text: control characters in labels and file names are shown escaped', () => {
  test('ESC sequences, CR, LF, tabs, DEL and C1 controls', () => {
    expect(escapeControl('a\u001b[2Jb\rc\nd\te\u007ff\u009bg')).toBe('a\\x1b[2Jb\\rc\\nd\\te\\x7ff\\x9bg');
    expect(escapeControl('청년 ①')).toBe('청년 ①');
  });
  test('the text report and the unreadable line never carry a raw control character', () => {
    const r = hostile('\u001b[31m빨강\r\n가짜 줄');
    const out = formatTextFile(r, { lang: 'ko' });
    // eslint-disable-next-line no-control-regex
    expect(out.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(out).toContain('\\x1b[31m빨강\\r\\n가짜 줄');
    expect(out.split('\n').filter((l) => l.includes('가짜 줄'))).toHaveLength(3); // the file line, the sheet's line and the finding's row, nothing forged
    // eslint-disable-next-line no-control-regex
    expect(unreadableLine({ ...r, error: 'bad\u001b]0;title\u0007' }, 'en')).not.toMatch(/[\u0000-\u001f]/);
  });
});

describe('text: a file not read or unreadable keeps its whole reason', () => {
  const reason =
    'OpenDocument 스프레드시트(.ods)는 읽지 않습니다 — LibreOffice에서 .xlsx로 저장한 뒤 다시 검사하세요 (OpenDocument spreadsheets (.ods) are not read: save it as .xlsx in LibreOffice and check again)';
  const base: FileReport = { file: '제출본/서구.ods', sha256: null, ok: false, error: reason, errorCode: 'not-read', plan: null, summary: { error: 0, warning: 0, info: 0 }, findings: [] };
  test.each([
    ['not-read', 120],
    ['not-read', 80],
    ['not-xlsx', 120],
    ['not-xlsx', 60],
  ])('%s at %d columns: every word, in order, no line too wide, nothing cut with …', (code, width) => {
    const out = formatTextFile({ ...base, errorCode: code }, { lang: 'ko', width });
    const lines = out.trimEnd().split('\n');
    const words = (t: string) => t.split(/\s+/).filter(Boolean);
    expect(words(lines.join(' '))).toEqual(words(`${code === 'not-read' ? '–' : '✗'} 제출본/서구.ods — ${code === 'not-read' ? '읽지 않음' : '읽지 못함'}: ${reason}`));
    expect(out).not.toContain('…');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
  });
});
