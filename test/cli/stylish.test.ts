/** The stylish text report: short lines, figures once, widths in display columns (string-width). */
import stringWidth from 'string-width';
import { readXlsxFile } from '../../src/adapters/xlsx/read';
import { headline, headlineParts } from '../../src/core/present';
import { fitHeadline, fitMiddle } from '../../src/cli/formatters/text';
import { validateGrid } from '../../src/core/validate';
import * as path from 'path';
import { run } from './run';

const EXAMPLE = path.join(__dirname, '../fixtures/example.xlsx');

describe('stylish text report', () => {
  it.each([[[]], [['--lang', 'en']], [['--verbose']], [['--verbose', '--lang', 'en']], [['--example', 'sejong-2024']]])(
    'check --example %j prints no line wider than 120 display columns',
    async (extra) => {
      const r = await run(['check', '--example', ...extra]);
      const lines = r.out.split('\n');
      expect(lines.length).toBeGreaterThan(5);
      for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(120);
    },
  );

  it('one line per finding; figures once: the difference and the tolerance, no (기대 · 실제 · 허용) repeat', async () => {
    const read = await readXlsxFile(EXAMPLE);
    const findings = validateGrid(read.grid).findings;
    const r = await run(['check', EXAMPLE]);
    const findingLines = r.out.split('\n').filter((l) => /^ {4}\S/.test(l));
    expect(findingLines).toHaveLength(findings.length);
    expect(r.out).not.toContain('(기대 ');
    expect(r.out).not.toContain('반올림 허용');
    const c7 = findings.find((f) => f.rule === 'area-total' && f.cell === 'C7')!;
    expect(headline(c7, 'ko')).toBe('청년 일자리 확대 소요예산 합계: 전략분야 4,197 ≠ 실천과제 합 4,193 (+4, 허용 ±1.5)');
    expect(findingLines[0]).toMatch(/^ {4}C7\s+오류 {2}청년 일자리 확대 소요예산 합계: 전략분야 4,197 ≠ 실천과제 합 4,193 \(\+4, 허용 ±1\.5\)\s+area-total$/);
    // Unit findings keep their words (no "기대 명 · 실제 개소, 명").
    expect(r.out).not.toMatch(/기대 명/);
  });

  it('--verbose adds the whole message, the figures and the cells under each line', async () => {
    const r = await run(['check', EXAMPLE, '--verbose']);
    expect(r.out).toContain('셀: 분야별 목표!C7, 실천과제!C8, 실천과제!C19');
    expect(r.out).toContain('기대 4,193백만원 · 실제 4,197백만원 · 차이 +4 · 허용 ±1.5');
    expect(r.out).toContain('반올림 허용 ±1.5');
  });

  it('one summary for one file (the header counts, then the closing line)', async () => {
    const r = await run(['check', EXAMPLE]);
    expect(r.out.match(/오류 13 · 경고 11 · 정보 2/g)).toHaveLength(2);
  });

  it('a narrow terminal narrows the lines', async () => {
    const r = await run(['check', EXAMPLE], { stdoutIsTTY: true, env: { NO_COLOR: '1' } });
    for (const l of r.out.split('\n').slice(1)) expect(stringWidth(l)).toBeLessThanOrEqual(100);
  });
});

describe('fitting a headline to its room', () => {
  it('never wider than the room; the claim whole whenever the room holds it and a bit of the place', async () => {
    const read = await readXlsxFile(EXAMPLE);
    const findings = validateGrid(read.grid).findings;
    for (const lang of ['ko', 'en'] as const) {
      for (const f of findings) {
        const { subject, claim } = headlineParts(f, lang);
        for (let width = 20; width <= 120; width += 7) {
          const text = fitHeadline(f, lang, width);
          expect(stringWidth(text)).toBeLessThanOrEqual(width);
          if (subject && stringWidth(claim) + 10 <= width) expect(text.endsWith(`: ${claim}`)).toBe(true);
        }
      }
    }
  });

  it('cuts a place in its middle, keeping its end (the role and the year)', () => {
    expect(fitMiddle('맞춤형 일자리 지원 및 발굴 성과목표 2023년', 30)).toMatch(/^맞춤형 .*….*성과목표 2023년$/);
    expect(stringWidth(fitMiddle('맞춤형 일자리 지원 및 발굴 성과목표 2023년', 30))).toBeLessThanOrEqual(30);
    expect(fitMiddle('짧은 이름', 30)).toBe('짧은 이름');
  });
});

describe('a narrow terminal (80 columns)', () => {
  it('keeps every line within 80 columns and every claim whole: the figures wrap under their place', async () => {
    const read = await readXlsxFile(EXAMPLE);
    const findings = validateGrid(read.grid).findings;
    const r = await run(['check', EXAMPLE], { stdoutIsTTY: true, env: { NO_COLOR: '1' }, columns: 80 });
    for (const l of r.out.split('\n').slice(1)) expect(stringWidth(l)).toBeLessThanOrEqual(80);
    // Joined back, each finding's claim is there in full.
    const joined = r.out.replace(/\n {10,}/g, ' ');
    for (const f of findings) expect(joined).toContain(headlineParts(f, 'ko').claim);
  });
});
