/**
 * A plan not fully entered says so in the reports (core/present/entered.ts): a blank template is not shown as a
 * clean file (✓ 문제없음), a partly entered one says how much was entered, JSON has each file's
 * `progress`, and a complete plan gets none of these words. The filled values are written with the
 * tests' own Editor (exceljs) into the blank template, not by the project's renderer.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import stringWidth from 'string-width';
import { readXlsxFile } from '../../src/adapters/xlsx/read';
import { validateGrid } from '../../src/core/validate';
import { blankBuffer, Editor } from '../support/fixtures';
import { run } from './run';

const EXAMPLE = path.join(__dirname, '../fixtures/example.xlsx');

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jobtarget-progress-'));
  await fs.writeFile(path.join(tmp, 'blank.xlsx'), await blankBuffer());
  await fs.writeFile(path.join(tmp, 'partial.xlsx'), await partlyFilled(false));
  await fs.writeFile(path.join(tmp, 'partial-warn.xlsx'), await partlyFilled(true));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/**
 * The blank template (15 세부사업, 6 공통 일자리 목표) with the three 세부사업 of ① entered: 10 a year
 * (rows 9–14 of 실천과제), their 합계 and ①'s 총계 stored as Excel would cache them. With `halfRow`, the
 * first year of ②'s first 세부사업 too (the rest of its row left empty: a value-blank warning).
 */
async function partlyFilled(halfRow: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await blankBuffer()) as unknown as ExcelJS.Buffer);
  const editor = new Editor(wb);
  const ws = editor.sheet('실천과제');
  const cached = (address: string, result: number) => {
    const cell = ws.getCell(address);
    cell.value = { formula: cell.formula, result };
  };
  for (let row = 9; row <= 14; row++) {
    for (const col of ['D', 'E', 'F', 'G']) ws.getCell(`${col}${row}`).value = 10;
    cached(`C${row}`, 40);
  }
  for (const row of [7, 8]) {
    for (const col of ['D', 'E', 'F', 'G']) cached(`${col}${row}`, 30);
    cached(`C${row}`, 120);
  }
  if (halfRow) ws.getCell(`D${editor.findRow(ws, '세부사업 2-1', 1)}`).value = 5;
  return editor.buffer();
}

/** --rule options that turn off every rule reporting something in the example: a clean, complete plan. */
async function exampleRulesOff(): Promise<string[]> {
  const ids = [...new Set(validateGrid((await readXlsxFile(EXAMPLE)).grid).findings.map((f) => f.rule))];
  return ids.flatMap((id) => ['--rule', `${id}:off`]);
}

const PROGRESS_WORDS = /빈 서식|입력된 값|개 입력|입력한 값|blank|nothing entered|entered|○|◐/;

describe('a blank template', () => {
  it('template -o blank.xlsx, then check: ○ 빈 서식, not ✓ 문제없음; exit 0; counted as a blank template', async () => {
    expect((await run(['template', '-o', 'fresh.xlsx'], { cwd: tmp })).code).toBe(0);
    const r = await run(['check', 'fresh.xlsx'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.out).toBe('○ fresh.xlsx — 지자체명 없음 · 2027~2030 — 빈 서식: 입력된 값이 없습니다\n파일 1개 검사: 오류가 있는 파일 0개, 문제없는 파일 0개, 빈 서식 1개 — 오류 0 · 경고 0 · 정보 0\n');
    expect(r.out).not.toMatch(/✓|문제없음/);
  });

  it('in English', async () => {
    const r = await run(['check', 'blank.xlsx', '--lang', 'en'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.out).toBe('○ blank.xlsx — no region stated · 2027–2030 — blank template: nothing entered\n1 file checked: 0 files with errors, 0 clean, 1 blank — 0 errors · 0 warnings · 0 info\n');
  });

  it('with a finding: the progress is said under the header', async () => {
    // A 개요 start year the tables do not have: a structure error in an otherwise blank template.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await blankBuffer()) as unknown as ExcelJS.Buffer);
    const editor = new Editor(wb);
    editor.sheet('개요').getCell('B6').value = 2031;
    await fs.writeFile(path.join(tmp, 'blank-moved.xlsx'), await editor.buffer());
    const r = await run(['check', 'blank-moved.xlsx'], { cwd: tmp });
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^■ blank-moved\.xlsx — 지자체명 없음 · .* — 오류 [1-9]\d* · 경고 \d+ · 정보 \d+$/);
    expect(lines[1]).toBe('  빈 서식: 입력된 값이 없습니다');
    // A blank template with an error is counted with the files with errors, not as a blank one.
    expect(lines.filter(Boolean).pop()).toMatch(/^파일 1개 검사: 오류가 있는 파일 1개, 문제없는 파일 0개 — /);
  });
});

describe('a partly entered plan', () => {
  it('without findings: ◐ (not ✓) and, under it, how much was entered', async () => {
    const r = await run(['check', 'partial.xlsx'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      '◐ partial.xlsx — 지자체명 없음 · 2027~2030 — 입력한 값은 문제없음\n' +
        '  세부사업 15개 중 3개 · 공통 일자리 목표 6개 중 0개 입력\n' +
        '파일 1개 검사: 오류가 있는 파일 0개, 문제없는 파일 1개 — 오류 0 · 경고 0 · 정보 0\n',
    );
    const en = await run(['check', 'partial.xlsx', '--lang', 'en'], { cwd: tmp });
    expect(en.out).toBe(
      '◐ partial.xlsx — no region stated · 2027–2030 — no problems in what was entered\n' +
        '  3 of 15 세부사업 · 0 of 6 common job targets entered\n' +
        '1 file checked: 0 files with errors, 1 clean — 0 errors · 0 warnings · 0 info\n',
    );
  });

  it('on a narrow terminal the progress goes under the file, and no line is wider than the terminal', async () => {
    for (const lang of ['ko', 'en']) {
      const r = await run(['check', 'partial.xlsx', 'blank.xlsx', '--lang', lang], { cwd: tmp, stdoutIsTTY: true, columns: 60, env: { NO_COLOR: '1' } });
      const lines = r.out.trimEnd().split('\n');
      for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(60);
      const ko = lang === 'ko';
      expect(lines).toEqual(
        ko
          ? [
              '◐ partial.xlsx',
              '  지자체명 없음 · 2027~2030 — 입력한 값은 문제없음',
              '  세부사업 15개 중 3개 · 공통 일자리 목표 6개 중 0개 입력',
              '○ blank.xlsx',
              '  지자체명 없음 · 2027~2030 — 빈 서식: 입력된 값이 없습니다',
              // The closing line breaks between its items, the counts under them.
              '파일 2개 검사: 오류가 있는 파일 0개, 문제없는 파일 1개,',
              '  빈 서식 1개',
              '  오류 0 · 경고 0 · 정보 0',
            ]
          : [
              '◐ partial.xlsx',
              '  no region stated · 2027–2030 — no problems in what was',
              '  entered',
              '  3 of 15 세부사업 · 0 of 6 common job targets entered',
              '○ blank.xlsx',
              '  no region stated · 2027–2030 — blank template: nothing',
              '  entered',
              '2 files checked: 0 files with errors, 1 clean, 1 blank',
              '  0 errors · 0 warnings · 0 info',
            ],
      );
    }
  });

  it('with findings: the header, then how much was entered', async () => {
    const r = await run(['check', 'partial-warn.xlsx'], { cwd: tmp });
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('■ partial-warn.xlsx — 지자체명 없음 · 2027~2030 — 오류 0 · 경고 1 · 정보 0');
    expect(lines[1]).toBe('  세부사업 15개 중 4개 · 공통 일자리 목표 6개 중 0개 입력');
    expect(lines[2]).toBe('  실천과제');
    const en = (await run(['check', 'partial-warn.xlsx', '--lang', 'en'], { cwd: tmp })).out.split('\n');
    expect(en[0]).toBe('■ partial-warn.xlsx — no region stated · 2027–2030 — 0 errors · 1 warning · 0 info');
    expect(en[1]).toBe('  4 of 15 세부사업 · 0 of 6 common job targets entered');
  });
});

describe('a complete plan', () => {
  it('example.xlsx: no progress words, with findings or clean (✓ 문제없음)', async () => {
    for (const lang of ['ko', 'en']) {
      const r = await run(['check', EXAMPLE, '--lang', lang]);
      expect(r.code).toBe(1);
      expect(r.out.split('\n').slice(0, 2).join('\n')).not.toMatch(PROGRESS_WORDS);
      expect(r.out.split('\n')[1]).toMatch(/^ {2}(분야별 목표|\S)/);
      const clean = await run(['check', EXAMPLE, '--lang', lang, ...(await exampleRulesOff())]);
      expect(clean.code).toBe(0);
      expect(clean.out).toMatch(/^✓ /);
      expect(clean.out).not.toMatch(PROGRESS_WORDS);
    }
  });
});

describe('JSON: progress of each file', () => {
  it('blank, partly entered, complete; null for a file not read and for a results report alone; summary.empty', async () => {
    await fs.writeFile(path.join(tmp, 'not-a-plan.xlsx'), 'not a workbook');
    const r = await run(['check', 'blank.xlsx', 'partial.xlsx', EXAMPLE, 'not-a-plan.xlsx', '--example', 'sejong-2024', '--format', 'json'], { cwd: tmp });
    const j = JSON.parse(r.out);
    const of = (name: string) => j.files.find((f: { file: string }) => f.file.endsWith(name));
    expect(of('blank.xlsx').progress).toEqual({ subprojects: { entered: 0, total: 15 }, indicators: { entered: 0, total: 6 }, untouched: true });
    expect(of('partial.xlsx').progress).toEqual({ subprojects: { entered: 3, total: 15 }, indicators: { entered: 0, total: 6 }, untouched: false });
    expect(of('example.xlsx').progress).toEqual({ subprojects: { entered: 43, total: 43 }, indicators: { entered: 6, total: 6 }, untouched: false });
    expect(of('not-a-plan.xlsx').progress).toBeNull();
    const sejong = j.files.find((f: { plan: { resultsYear: number | null } | null }) => f.plan?.resultsYear === 2024);
    expect(sejong.progress).toBeNull();
    // Fields are only added: the version stays 1; every file has `progress`, right after `plan`.
    expect(j.version).toBe(1);
    for (const f of j.files) expect(Object.keys(f).indexOf('progress')).toBe(Object.keys(f).indexOf('plan') + 1);
    expect(j.summary).toMatchObject({ clean: 2, empty: 1 });
  });
});

describe('HTML', () => {
  it('a blank template is not shown as ✓ 문제없음; a partly entered one says how much was entered', async () => {
    const r = await run(['check', 'blank.xlsx', 'partial.xlsx', '--format', 'html', '-o', 'report.html'], { cwd: tmp });
    expect(r.code).toBe(0);
    const html = await fs.readFile(path.join(tmp, 'report.html'), 'utf8');
    expect(html).toContain('<p class="progress">○ 빈 서식: 입력된 값이 없습니다</p>');
    expect(html).toContain('<p class="progress">◐ 입력한 값은 문제없음</p><p class="progress">세부사업 15개 중 3개 · 공통 일자리 목표 6개 중 0개 입력</p>');
    expect(html).not.toContain('✓ 문제없음');
  });
});

describe('the annotated copy of a plan not fully entered', () => {
  it("its 검증결과 sheet says so (a blank template's copy said '발견된 문제가 없습니다.'); a complete plan's copy does not", async () => {
    // Read with exceljs: our reader leaves the 검증결과 sheet out, as it is never plan data.
    const sheetText = async (copy: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(copy);
      const lines: string[] = [];
      wb.getWorksheet('검증결과')!.eachRow((row) => lines.push((row.values as unknown[]).slice(1).map((v) => (v ?? '') as string).join(' | ')));
      return lines.join('\n');
    };
    const out = path.join(tmp, 'copies');
    await run(['check', path.join(tmp, 'blank.xlsx'), path.join(tmp, 'partial.xlsx'), EXAMPLE, '--annotate', out]);
    const blank = await sheetText(path.join(out, 'blank.검증.xlsx'));
    expect(blank).toContain('입력 | 빈 서식: 입력된 값이 없습니다');
    expect(blank).not.toContain('발견된 문제가 없습니다');
    expect(await sheetText(path.join(out, 'partial.검증.xlsx'))).toMatch(/입력 \| 세부사업 15개 중 3개 · 공통 일자리 목표 6개 중 0개 입력/);
    const complete = await sheetText(path.join(out, 'example.검증.xlsx'));
    expect(complete).not.toMatch(/^입력 \|/m);
    expect(complete).not.toContain('빈 서식');
  });
});
