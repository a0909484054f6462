/**
 * Labels as every table kind compares them: whitespace-free, synonyms allowed, names compared without
 * punctuation; year headers in the styles documents use; task titles in their many spellings.
 * Neutral ground for the 종합계획 and the results readers, so neither needs the other's descriptions.
 */

import { halfWidthNumber } from '../numbers/parse';

export interface Label {
  /** What the writer puts in the cell. */
  text: string;
  /** What the reader also accepts (compared with whitespace removed). */
  synonyms: string[];
}

const SPACES = /\s+/g;

/**
 * Is the character code one that /\s/ matches? ASCII tab…carriage return and space, no-break space, and
 * the Unicode spaces, line and paragraph separators and BOM (what ECMAScript's WhiteSpace and LineTerminator list).
 */
export function isSpaceCode(c: number): boolean {
  if (c < 0xa0) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x1680) return c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Normalised form used for every label comparison: no whitespace, no line breaks. Most texts have none: they are returned as they are, nothing allocated (and no regular expression run). */
export function norm(text: string): string {
  for (let i = 0; i < text.length; i++) if (isSpaceCode(text.charCodeAt(i))) return text.replace(SPACES, '');
  return text;
}

/** Names compared ignoring whitespace and punctuation such as · . ㆍ (the seed spells one area both ways). */
export function nameKey(text: string): string {
  return text.replace(/[\s.·ㆍ・,，、\-_()（）]/g, '').toLowerCase();
}

/** Numberings parseTaskTitle does not read as a task's: `(1)`, `3-1.`, `1)`, `[과제1]`. */
const OTHER_NUMBERING = String.raw`\(\d{1,2}\)|\d{1,2}\s*-\s*\d{1,2}\.?|\d{1,2}\)|\[[^\]]{1,10}\]`;

/** A number or mark before a name: `1.`, `1)`, `(1)`, `1 `, `3-1.`, `[과제1]`, `①`, `Ⅰ.`, `IV.`, `가.`, `□`, `-`. */
const LEADING_MARK = new RegExp(String.raw`^\s*(?:${OTHER_NUMBERING}|\d{1,2}[.)]|\d{1,2}(?=\s)|[①-⑳]|[IVX]{1,4}\.|[Ⅰ-Ⅻ]\.?|[가-하][.)]|[□■○●◦▶•·-])\s*`);

/** A title numbered another way than parseTaskTitle reads (`(2) …`, `2) …`, `[과제2] …`, `3-2. …`): its number alone says nothing. */
export const OTHER_NUMBERED_TITLE = new RegExp(String.raw`^\s*(?:${OTHER_NUMBERING})\s*\S`);

/** A name without the number or mark before it (`(1) 청년 창업 인프라 조성` → `청년 창업 인프라 조성`). */
export function withoutLeadingMark(text: string): string {
  return text.replace(LEADING_MARK, '');
}

/** A footnote mark after a name: `*`, `※`, `†`, `(*)`, superscript digits (`¹⁾`). */
const TRAILING_MARK = /\s*(?:[*※†‡]+|\(\s*\*+\s*\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+⁾?)$/;

/**
 * A strategy area's name as area names are compared: nameKey without a leading number or mark, so
 * `1. 청년 일자리 확대` in the 분야별 목표 is the `청년 일자리 확대` of the chapter III overview, and
 * without a footnote mark after it (`민간기업 … 고용 창출*`, pointing at the note that leaves its budget out).
 */
export function areaKey(text: string): string {
  // Markup as the overview is read without it (links.ts plainText): `청년<b>일자리</b>` is `청년 일자리`.
  const plain = text.indexOf('<') >= 0 ? text.replace(MARKUP_TAG, ' ') : text;
  return nameKey(withoutLeadingMark(plain.trim()).replace(TRAILING_MARK, ''));
}

/** An HTML-like tag: `<` then a letter or `/` (`< 5대 핵심전략 >` is text). links.ts's plainText strips the same. */
export const MARKUP_TAG = /<\/?[A-Za-z][^<>]*>/g;

const accepted = new WeakMap<Label, Set<string>>();

/** Every form of a label, whitespace removed (built once per label). */
export function labelForms(l: Label): Set<string> {
  let forms = accepted.get(l);
  if (!forms) {
    forms = new Set([norm(l.text), ...l.synonyms.map(norm)]);
    accepted.set(l, forms);
  }
  return forms;
}

export function matches(text: string, l: Label): boolean {
  return labelForms(l).has(norm(text));
}

/**
 * Reads a year out of a header: "2023년", "'23년", "'23" (the apostrophe makes two digits a year), "23년도",
 * "2022년 (예상치)", "２０２３년" (full-width digits), "'22년 대비 증감률" (→ null: a change column, not a year column).
 */
export function yearOfHeader(text: string): number | null {
  const t = halfWidthNumber(norm(text));
  if (t.includes('증감') || t.includes('대비')) return null;
  const full = /(19|20)(\d{2})년?/.exec(t);
  if (full) return Number(full[1] + full[2]);
  const short = /^[‘’'`]?(\d{2})년|^[‘’'`](\d{2})(?![\d.,%])/.exec(t);
  if (short) return 2000 + Number(short[1] ?? short[2]);
  return null;
}

/** A label's text without a bracketed tail: "성과목표(명)" → "성과목표", "합계(4년)" → "합계" (already without whitespace). */
export function withoutBracketTail(n: string): string {
  return n.charCodeAt(n.length - 1) === 0x29 /* ) */ ? n.replace(/\([^()]*\)$/, '') : n;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿';

const CIRCLED_CHARS = Array.from(CIRCLED);

export function circledNumber(n: number): string {
  return n >= 1 && n <= 50 ? CIRCLED_CHARS[n - 1] : `${n}.`;
}

const CIRCLED_VALUE = new Map(CIRCLED_CHARS.map((ch, i) => [ch, i + 1]));

/** The number of a circled numeral (① → 1), or null. */
export function circledValue(ch: string): number | null {
  return CIRCLED_VALUE.get(ch) ?? null;
}

/**
 * "① 청년 창업 인프라 조성", "14. 과제명", "1 과제명", "실천과제 3 과제명", "과제 1 과제명", "과제1" → { no, name }.
 * Markdown emphasis left by an extraction ("**…**") is dropped.
 */
export function parseTaskTitle(text: string): { no: number; name: string } | null {
  const t = (text.includes('**') ? text.replace(/\*\*/g, '') : text).trim();
  const cp = t.codePointAt(0);
  const first = cp === undefined ? '' : String.fromCodePoint(cp);
  const circled = first ? circledValue(first) : null;
  if (circled !== null) return { no: circled, name: t.slice(first.length).trim() };
  const prefixed = /^(?:실천\s*)?과제\s*(\d{1,3})\s*[.)]?\s*(.*)$/.exec(t);
  // `| 0` (one to three digits: the same number) keeps it a small integer in V8 whichever tier parsed it, as
  // the circled numbers are: a task's number is stored the one way.
  if (prefixed) return { no: Number(prefixed[1]) | 0, name: prefixed[2].trim() };
  const m = /^(\d{1,3})\s*[.)]?\s+(.+)$/.exec(t);
  if (m) return { no: Number(m[1]) | 0, name: m[2].trim() };
  return null;
}


/** A task's title as our template writes it: "① 청년 창업 인프라 조성". */
export function taskTitle(no: number, name: string): string {
  return `${circledNumber(no)} ${name}`;
}

/** The total row of a 실천과제 table (and of a task in the year's plan): 총 계, 총계, 합계, 소계, 계. */
export const TASK_TOTAL: Label = { text: '총 계', synonyms: ['총계', '합계', '소계', '계'] };

/** Digits as Korean reads them (영 일 이 삼 사 오 육 칠 팔 구): whether each ends in a consonant (받침). */
const DIGIT_HAS_FINAL = [true, true, false, true, false, false, true, true, true, false];

/**
 * The word quoted with the particle 'and' that fits its last sound: `'구 분'과`, `'성과'와`. A word
 * ending in neither a Hangul syllable nor a digit gets both forms, `와(과)`.
 */
export function quotedAnd(word: string): string {
  const last = word.trim().slice(-1);
  const code = last.charCodeAt(0);
  let final: boolean | null = null;
  if (code >= 0xac00 && code <= 0xd7a3) final = (code - 0xac00) % 28 !== 0;
  else if (last >= '0' && last <= '9') final = DIGIT_HAS_FINAL[Number(last)];
  return `'${word}'${final === null ? '와(과)' : final ? '과' : '와'}`;
}

/**
 * The name of a 소계 (subtotal) pair among a 실천과제 table's 세부사업: `소계`, `소 계`, `소계(청년)`, `중계`.
 * The first character is looked at first: a 세부사업's name costs one comparison.
 */
export function isSubtotalName(name: string): boolean {
  const c = name.charCodeAt(0);
  if (c !== 0xc18c /* 소 */ && c !== 0xc911 /* 중 */) return false;
  const n = withoutBracketTail(norm(name));
  return n === '소계' || n === '중계';
}
