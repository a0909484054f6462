/**
 * More of the engine's fast paths (issue #10) against plain reference versions written here: whitespace
 * found without a regular expression, message templates cut once, sheet names quoted once.
 */
import { quoteSheet } from '../../src/core/grid/a1';
import { formatMessage } from '../../src/core/rules/run';
import type { MessageData } from '../../src/core/rules/types';
import { isSpaceCode, norm } from '../../src/core/tables/labels';

describe('whitespace without a regular expression', () => {
  test('isSpaceCode says what /\\s/ says of every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
  test.each(['성과목표', '성 과 목 표', ' 앞', '뒤 ', '줄\n바꿈', '탭\t', '\u3000전각', 'no\u00a0break', '', '   ', 'a\u2028b', '실적 (하반기)', 'BOM\ufeff'])('norm(%j) is the text with /\\s+/g removed', (t) => {
    expect(norm(t)).toBe(t.replace(/\s+/g, ''));
  });
  test('a text without whitespace comes back as the same string', () => {
    const t = ['세부', '사업'].join('');
    expect(norm(t)).toBe(t);
  });
});

describe('message templates cut once fill as a regular-expression replace does', () => {
  /** formatMessage as it read before: one replace with a callback. */
  const reference = (template: string, data: MessageData, lang: 'ko' | 'en') =>
    template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => (key in data ? (typeof data[key] === 'object' ? (data[key] as { ko: string; en: string })[lang] : String(data[key])) : `{{${key}}}`));
  const data: MessageData = { what: '청년 일자리 확대 성과목표', n: 1234.5, zero: 0, bi: { ko: '합계', en: 'total' }, dollars: '$& $1 $$', empty: '' };
  const templates = [
    '{{what}}: {{n}} ≠ {{zero}}',
    'no placeholders at all',
    '',
    '{{what}}',
    '{{ what }} and {{\twhat\n}}',
    '{{what}}{{n}}{{bi}}',
    '{{missing}} stays, {{ missing }} loses its spaces',
    '{{what b}} is no placeholder, {what} neither, {{{n}}} is one in braces',
    '{{dollars}} is put in as it is',
    '{{empty}}|{{bi}}|{{n}}|',
    '{{한글}} is no placeholder (\\w is ASCII)',
    '{{constructor}} is in every object',
  ];
  test.each(templates)('%j', (template) => {
    for (const lang of ['ko', 'en'] as const) {
      expect(formatMessage(template, data, lang)).toBe(reference(template, data, lang));
      // Again: now from the cut template.
      expect(formatMessage(template, data, lang)).toBe(reference(template, data, lang));
    }
    expect(formatMessage(template)).toBe(reference(template, {}, 'ko'));
  });
  test('the same template with other data gives the other data', () => {
    expect(formatMessage('{{a}}-{{b}}', { a: 1, b: 2 })).toBe('1-2');
    expect(formatMessage('{{a}}-{{b}}', { a: 'x', b: { ko: '가', en: 'y' } }, 'en')).toBe('x-y');
  });
  test('many different templates (more than are kept) still fill correctly', () => {
    for (let i = 0; i < 2500; i++) expect(formatMessage(`#${i} {{what}}`, data)).toBe(`#${i} 청년 일자리 확대 성과목표`);
    expect(formatMessage('#7 {{n}}', data)).toBe('#7 1234.5');
  });
});

describe('sheet names quoted once quote as before', () => {
  const reference = (sheet: string) => (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`);
  test.each(['실천과제', '분야별 목표', "O'Brien", 'AB12', 'Sheet1', '_x', '1st', 'a.b', '', "''", '공통 일자리 목표'])('%j', (name) => {
    expect(quoteSheet(name)).toBe(reference(name));
    expect(quoteSheet(name)).toBe(reference(name));
  });
  test('more names than are kept', () => {
    for (let i = 0; i < 1500; i++) expect(quoteSheet(`s ${i}`)).toBe(`'s ${i}'`);
    expect(quoteSheet('실천과제')).toBe('실천과제');
  });
});
