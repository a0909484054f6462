import stringWidth from 'string-width';
import { KNOWN_WIDTHS, displayWidth } from '../../src/cli/width';

// string-width is the reference: every character our table measures must have its width.
describe('displayWidth', () => {
  it('measures every character of its table as string-width does', () => {
    const differ: string[] = [];
    let n = 0;
    for (const [a, b] of KNOWN_WIDTHS)
      for (let c = a; c <= b; c++) {
        const ch = String.fromCharCode(c);
        n++;
        if (displayWidth(ch) !== stringWidth(ch)) differ.push(`U+${c.toString(16)} ${displayWidth(ch)} ≠ ${stringWidth(ch)}`);
      }
    expect(differ).toEqual([]);
    expect(n).toBeGreaterThan(11172 + 20000); // Hangul syllables and CJK ideographs at least
  });

  it('hands other text to string-width (emoji, combining marks, control characters, soft hyphen, astral)', () => {
    for (const s of ['👍 좋음', 'e\u0301', '\u001b[31m빨강', 'ｱｲｳ', '\u200b', 'ㄱ\u0300', '𠀀', 'a\u00adb', '\u3164']) expect([s, displayWidth(s)]).toEqual([s, stringWidth(s)]);
  });

  it('adds up a report line', () => {
    const line = 'C7   오류  ⑪ 청년 일자리 합계: 4,197 ≠ 4,193 (+4, 허용 ±1.5) — △1 · 2023~2026';
    expect(displayWidth(line)).toBe(stringWidth(line));
    expect(displayWidth('인천광역시 서구')).toBe(15);
  });
});

describe('displayWidth without string-width', () => {
  // Loading string-width costs about 25 ms of a check's start-up: a report of a plan with more than twenty
  // tasks (㉑…㊿) once loaded it for every run.
  it('measures every task label a plan can number (①…㊿, 51.) and the Korean report text itself', () => {
    jest.isolateModules(() => {
      jest.doMock('string-width', () => {
        throw new Error('string-width loaded');
      });
      const { displayWidth: measure } = require('../../src/cli/width') as typeof import('../../src/cli/width');
      const { circledNumber } = require('../../src/core/tables/labels') as typeof import('../../src/core/tables/labels');
      for (let n = 1; n <= 60; n++) {
        const label = `${circledNumber(n)} 실천과제 ${n} 총계 성과목표: 합계 96,909 ≠ 연도별 합 96,902 (+7, 허용 ±2.5)`;
        expect([label, measure(label)]).toEqual([label, stringWidth(label)]);
      }
    });
  });
});
