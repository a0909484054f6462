/**
 * `--lang en` is English throughout: after taking out the names a plan itself uses (areas, tasks,
 * 세부사업, indicators, items, sheets, the region) and quoted labels, no Hangul is left in any report
 * format. Roles (성과목표/소요예산), 합계/총계, years (2023년) and units with an English word (백만원,
 * 명, 개소 …) are words, not names: they must come out in English.
 */
import { EXAMPLES } from '../../src/core/examples';
import { parseCsv, run } from './run';

/** Korean words our messages must translate; a plan string equal to one of them is not a name. */
const WORDS = new Set(['성과목표', '소요예산', '합계', '총계', '목표', '실적', '달성률', '증감', '기준', '명', '원', '천원', '백만원', '억원', '개', '개소', '개사', '개社', '건', '회', '곳', '팀', '가구', '일', '시간', '과정', '학기']);

/** Table, sheet and document names (the workbook's own names). */
const TABLE_NAMES = ['공통 일자리 목표', '분야별 목표', '실천과제', '종합계획', '연차별 세부계획', '성과', '개요'];

/** Every Hangul string of the example's draft that is a name (not one of WORDS, not a year label). */
function namesOf(value: unknown, out: Set<string>): Set<string> {
  if (typeof value === 'string') {
    const s = value.trim();
    if (/[\p{Script=Hangul}]/u.test(s) && !WORDS.has(s.replace(/\s+/g, '')) && !/^\d+년$/.test(s)) out.add(s);
  } else if (Array.isArray(value)) {
    for (const v of value) namesOf(v, out);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) namesOf(v, out);
  }
  return out;
}

function hangulLeft(text: string, names: readonly string[]): string[] {
  let rest = text.replace(/"[^"\n]*"/g, '""');
  // Longest first, so a name is never cut by a shorter one inside it.
  for (const n of [...names].sort((a, b) => b.length - a.length)) rest = rest.split(n).join('');
  // Circled task numbers and the like stay; only Hangul syllables and jamo count.
  return rest.split('\n').filter((line) => /[\p{Script=Hangul}]/u.test(line));
}

describe('--lang en', () => {
  for (const name of Object.keys(EXAMPLES)) {
    const names = [...namesOf(EXAMPLES[name].draft, new Set()), ...TABLE_NAMES];
    for (const format of ['text', 'json', 'csv']) {
      it(`${name}: the ${format} report has no Hangul outside names and quoted labels`, async () => {
        const r = await run(['check', '--example', name, '--lang', 'en', '--format', format, '--verbose']);
        expect(r.code).toBe(1);
        // JSON and CSV: the message is the wording (expected/actual there are the workbook's values).
        const text =
          format === 'json'
            ? (JSON.parse(r.out) as { files: { findings: { message: string }[] }[] }).files.flatMap((f) => f.findings.map((x) => x.message)).join('\n')
            : format === 'csv'
              ? parseCsv(r.out.replace(/^\uFEFF/, '')).slice(1).map((row) => row[8]).join('\n')
              : // Text: a wrapped line continues the one above (the rule id at a line's end set aside);
                // a place cut with "…" is a name cut short
                // (the place keeps its start and its end, "맞춤형 일자리…발굴 target 2023": the Hangul around "…"
                // is a name cut on both sides; the whole message, uncut, is in the --verbose lines below it).
                r.out.replace(/ {2}[a-z][a-z-]+$/gm, '').replace(/\n {11,}/g, ' ').replace(/[\p{Script=Hangul} ·.,()]*…[\p{Script=Hangul} ·.,()]*/gu, ' ');
        expect(text.length).toBeGreaterThan(500);
        expect(hangulLeft(text, names)).toEqual([]);
      });
    }
  }

  it('catches Korean words: the same check on the Korean report finds them', async () => {
    const r = await run(['check', '--example', 'incheon-seogu-2023', '--lang', 'ko']);
    const names = [...namesOf(EXAMPLES['incheon-seogu-2023'].draft, new Set()), ...TABLE_NAMES];
    const left = hangulLeft(r.out, names);
    expect(left.length).toBeGreaterThan(20);
    expect(left.join('\n')).toMatch(/소요예산|성과목표/);
  });
});
