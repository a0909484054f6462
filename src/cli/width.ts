/**
 * Display width in terminal columns (Hangul and CJK are two wide). Reports are ASCII, Hangul and a few
 * symbols (·, △, —, …, ⑪), which are measured here directly; any other text (emoji, combining marks,
 * other scripts) is measured by string-width, loaded only then: loading it costs about 25 ms
 * (Intl.Segmenter and its emoji tables), a third of the CLI's start-up budget. test/cli/width.test.ts
 * checks every character of KNOWN_WIDTHS against string-width.
 */
let stringWidth: ((s: string) => number) | undefined;

/** Ranges of UTF-16 code units measured here: [first, last, columns]. */
export const KNOWN_WIDTHS: readonly (readonly [number, number, number])[] = [
  [0x20, 0x7e, 1], // ASCII
  [0xac00, 0xd7a3, 2], // Hangul syllables
  [0x3131, 0x3163, 2], // Hangul compatibility jamo (U+3164, the filler, is invisible)
  [0x3165, 0x318e, 2],
  [0x4e00, 0x9fff, 2], // CJK ideographs (한자 in names)
  [0x3001, 0x3003, 2], // 、。〃
  [0x3008, 0x3011, 2], // 〈〉《》「」『』【】
  [0xff01, 0xff5e, 2], // fullwidth forms (％, （ ）)
  [0x2460, 0x24ff, 1], // ①…⑳, ⑪ (enclosed numbers in task labels)
  [0x3200, 0x321e, 2], // ㈀…㈞ (parenthesised Hangul)
  [0x3220, 0x3247, 2], // ㈠…㉇
  [0x3250, 0x32ff, 2], // ㉑…㉟, ㊱…㊿ (tasks 21 to 50 in plans with more than twenty), ㉮…
  [0x2160, 0x217f, 1], // Ⅰ Ⅱ Ⅲ (roman numerals in headings)
  [0x25a0, 0x25fc, 1], // ■□▲△▼○●◎◇◆ (◽◾ after them are emoji, two wide)
  [0x2010, 0x2027, 1], // ‐ – — ‘ ’ “ ” • …
  [0x2190, 0x2193, 1], // ← ↑ → ↓
  [0x2260, 0x2265, 1], // ≠ ≤ ≥
  [0x00a0, 0x00ff, 1], // Latin-1: · ± × and the rest (U+00AD, the soft hyphen, is invisible: left to string-width)
  [0x203b, 0x203b, 1], // ※
];

const TABLE = new Int8Array(0x10000).fill(-1);
for (const [a, b, w] of KNOWN_WIDTHS) TABLE.fill(w, a, b + 1);
TABLE[0xad] = -1;

export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const k = TABLE[s.charCodeAt(i)];
    if (k < 0) {
      stringWidth ??= (require('string-width') as typeof import('string-width')).default;
      return stringWidth(s);
    }
    w += k;
  }
  return w;
}
