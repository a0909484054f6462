/**
 * `--format text` (the default), like ESLint's stylish: per file a header with whose plan it is, then
 * per sheet one short line per finding — cell, severity, the headline (core/present), the rule id:
 *
 *   ■ 계획.xlsx — 인천광역시 서구 · 민선 8기 · 2023~2026 — 오류 13 · 경고 11 · 정보 2
 *     분야별 목표
 *       C7   오류  청년 일자리 확대 소요예산 합계: 전략분야 4,197 ≠ 실천과제 합 4,193 (+4, 허용 ±1.5)  area-total
 *
 * A plan not fully entered says so (never ✓: an empty submission does not look like a clean one). Without
 * findings, nothing entered is "○ 서식.xlsx — … — 빈 서식: 입력된 값이 없습니다", partly entered is
 * "◐ 제출본.xlsx — … — 입력한 값은 문제없음" with "세부사업 15개 중 3개 · 공통 일자리 목표 6개 중 0개 입력"
 * under it; a file with findings has the same line under its header. A complete plan gets no such words
 * (cli/entered.ts).
 *
 * Widths are display columns (cli/width.ts: Hangul is two wide); no line is wider than the limit (120,
 * or the terminal when narrower). A headline too long for its line loses the middle of its place (the
 * subject, with "…"), never its figures; the whole message, figures and cells are in --verbose.
 *
 * Labels and file names come from the files checked, so control characters in them (an ESC sequence
 * that would recolour or clear the terminal, a CR that would overwrite the line, a line break that
 * would forge a row) are shown escaped (\x1b, \r, \n), never sent to the terminal; so are bidi controls
 * (\u202e), which would show the rest of a line right to left.
 */
import { cellLabel, figuresText, headlineParts, messageText, severityName, SEVERITIES } from '../../core/present';
import type { Finding, Lang } from '../../core/rules/types';
import { NOT_READ_CODE, closingLine, severityCounts } from '../batch';
import { painter } from '../color';
import { identityText } from '../identity';
import { batchSummary, type FileReport, type FormatContext, type Formatter } from './types';
import { displayWidth } from '../width';
import { isBlank, partlyCleanText, progressWords } from '../../core/present/entered';

export const MAX_WIDTH = 120;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) as visible escapes
 * (\u202e): a label with an unclosed U+202E (RIGHT-TO-LEFT OVERRIDE) would show the rest of its line,
 * the figures too, reversed (4,197 as 791,4) wherever the text is laid out bidirectionally.
 */
export function escapeBidi(s: string): string {
  return s.replace(/[\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** Control characters (C0, DEL, C1) and bidi controls as visible escapes; the rest unchanged. */
export function escapeControl(s: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeBidi(s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => NAMED[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

const WORDS = {
  ko: { cells: '셀', none: '문제없음', unreadable: '읽지 못함', notRead: '읽지 않음', noSheet: '(시트 없음)', skipped: (n: number) => `(수용한 항목 ${n}건은 건너뜀)` },
  en: { cells: 'cells', none: 'no problems', unreadable: 'unreadable', notRead: 'not read', noSheet: '(no sheet)', skipped: (n: number) => `(${n} accepted finding${n === 1 ? '' : 's'} skipped)` },
};


/** Cuts a string to `width` display columns, ending with "…" when cut. */
export function fit(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = displayWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out.trimEnd()}…`;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * The headline in at most `width` columns: whole when it fits; else the subject (the place) is cut so
 * the claim with its figures stays whole; only a claim wider than the line itself is cut.
 */
export function fitHeadline(f: Finding, lang: Lang, width: number): string {
  const { subject, claim } = headlineParts(f, lang);
  const c = escapeControl(claim);
  if (!subject) return fit(c, width);
  const s = escapeControl(subject);
  const whole = `${s}: ${c}`;
  if (displayWidth(whole) <= width) return whole;
  const room = width - displayWidth(c) - 2;
  return room >= 8 ? `${fitMiddle(s, room)}: ${c}` : fit(whole, width);
}

/**
 * The headline as the report's lines: one line when it fits (see fitHeadline); on a narrow terminal,
 * where the claim itself does not fit beside its place, the place on the finding's line and the claim
 * wrapped under it — the figures are what a reviewer reads, so they are never cut.
 */
export function headlineLines(f: Finding, lang: Lang, room: number): string[] {
  const { subject, claim } = headlineParts(f, lang);
  const c = escapeControl(claim);
  const fitted = fitHeadline(f, lang, room);
  if (fitted.endsWith(c)) return [fitted];
  const wrapped = wrap(c, room, '');
  return subject ? [`${fitMiddle(escapeControl(subject), room - 1)}:`, ...wrapped] : wrapped;
}

/**
 * Cuts a place to `width` columns in its middle: its end (the role and the year — "소요예산 2024년")
 * tells neighbouring lines apart, its start names the row.
 */
export function fitMiddle(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  // The end in whole words (as many as fit in a little over half the room), else in characters.
  const tailRoom = Math.min(width - 8, Math.max(Math.floor(width * 0.6), 12), 24);
  const words = text.split(' ');
  let tail = '';
  for (let i = words.length - 1; i > 0; i--) {
    const next = tail ? `${words[i]} ${tail}` : words[i];
    if (displayWidth(next) > tailRoom) break;
    tail = next;
  }
  if (!tail) {
    for (const ch of [...text].reverse()) {
      if (displayWidth(ch + tail) > tailRoom) break;
      tail = ch + tail;
    }
  }
  const head = fit(text, width - displayWidth(tail)).replace(/…$/, '').trimEnd();
  return `${head}…${tail}`;
}

/** Wraps text into lines of at most `width` display columns, each starting with `indent`. */
function wrap(text: string, width: number, indent: string): string[] {
  const room = Math.max(20, width - displayWidth(indent));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/(?<=\s)/)) {
    if (displayWidth(line + word) > room && line.trim()) {
      lines.push(indent + line.trimEnd());
      line = '';
    }
    let w = word;
    while (displayWidth(w) > room) {
      const head = fit(w, room + 1).replace(/…$/, '');
      lines.push(indent + head);
      w = w.slice(head.length);
    }
    line += w;
  }
  if (line.trim()) lines.push(indent + line.trimEnd());
  return lines;
}

/** --verbose: the whole message, the figures with their unit, the cells involved. */
function details(f: Finding, ctx: FormatContext): string[] {
  const indent = '           ';
  const out = wrap(escapeControl(messageText(f, ctx.lang)), ctx.width, indent);
  const figures = figuresText(f, ctx.lang);
  if (figures) out.push(...wrap(figures, ctx.width, indent));
  if (f.refs.length) out.push(...wrap(escapeControl(`${WORDS[ctx.lang].cells}: ${f.refs.map((r) => cellLabel(r)).join(', ')}`), ctx.width, indent));
  return out.map((l) => ctx.paint.dim(l));
}

function contextOf(ctx: Partial<FormatContext> & { lang: Lang }): FormatContext {
  return { paint: painter(false), verbose: false, lockFiles: 0, ...ctx, width: Math.min(ctx.width ?? MAX_WIDTH, MAX_WIDTH) };
}

/** One file's block (or its one line when clean, not read or unreadable). */
export function formatTextFile(r: FileReport, given: Partial<FormatContext> & { lang: Lang }): string {
  const ctx = contextOf(given);
  const { paint, lang, width } = ctx;
  const w = WORDS[lang];
  const file = escapeControl(r.file);
  const who = r.plan ? escapeControl(identityText(r.plan, lang)) : '';
  const title = who ? `${file} — ${who}` : file;
  if (r.error !== null) {
    const notRead = r.errorCode === NOT_READ_CODE;
    const head = `${notRead ? '–' : '✗'} ${file} — ${notRead ? w.notRead : w.unreadable}: `;
    // The reason is wrapped whole after the head (its lines indented under it): no word of it is cut.
    const [first, ...more] = wrap(head + escapeControl(r.error), width, '    ').map((l, i) => (i === 0 ? l.trimStart() : l));
    return [notRead ? first : paint.severity('error', first), ...more].join('\n') + '\n';
  }
  const accepted = r.accepted?.length ?? 0;
  const skipped = accepted ? w.skipped(accepted) : '';
  // A plan not fully entered: its progress (a blank template, or how many rows were entered).
  const progress = progressWords(r.progress, lang);
  // The header is never cut: a file's name matters more than the width.
  if (r.findings.length === 0) {
    if (progress === null) return `${paint.ok('✓')} ${title} — ${w.none}${skipped ? ` ${skipped}` : ''}\n`;
    // Neither passed (✓) nor failed: ○ nothing entered (one line); ◐ partly, with how much under it, as a
    // file with findings has. Too wide: the file on its own line, whose plan and the status under it.
    const blank = isBlank(r.progress);
    const mark = blank ? '○' : '◐';
    const status = `${blank ? progress : partlyCleanText(lang)}${skipped ? ` ${skipped}` : ''}`;
    const head = `${mark} ${title} — ${status}`;
    const lines = displayWidth(head) <= width || !who ? [head] : [`${mark} ${file}`, ...wrap(`${who} — ${status}`, width, '  ')];
    if (!blank) lines.push(...wrap(progress, width, '  '));
    return `${lines.join('\n')}\n`;
  }
  const header = `■ ${title} — ${severityCounts(r.summary, lang)}`;
  // Too wide for one line: the file on its own line, whose plan and the counts under it.
  const lines = displayWidth(header) <= width || !who ? [paint.bold(header)] : [paint.bold(`■ ${file}`), paint.bold(fit(`  ${who} — ${severityCounts(r.summary, lang)}`, width))];
  if (progress !== null) lines.push(...wrap(progress, width, '  '));
  if (skipped) lines.push(`  ${skipped}`);
  const cells = r.findings.map((f) => escapeControl(f.cell) || '-');
  const cellWidth = Math.max(3, ...cells.map((c) => displayWidth(c)));
  const sevWidth = Math.max(...SEVERITIES.map((s) => displayWidth(severityName(s, lang))));
  const prefixWidth = 4 + cellWidth + 2 + sevWidth + 2;
  const ruleWidth = 2 + Math.max(...r.findings.map((f) => displayWidth(f.rule)));
  // Headlines share a column as wide as the widest one within the line; the rule ids follow. A
  // headline longer than the shared column may still use the room its own (shorter) rule id leaves.
  const shared = Math.max(20, width - prefixWidth - ruleWidth);
  const rooms = r.findings.map((f) => Math.max(20, width - prefixWidth - 2 - displayWidth(f.rule)));
  const texts = r.findings.map((f, i) => headlineLines(f, lang, rooms[i]));
  const msgWidth = Math.min(shared, Math.max(...texts.map((t) => displayWidth(t[0]))));
  // Findings come in the one order (workbook order); a sheet's findings are together under its name.
  let sheet: string | null = null;
  r.findings.forEach((f, i) => {
    if (f.sheet !== sheet) {
      sheet = f.sheet;
      lines.push(`  ${paint.underline(escapeControl(f.sheet) || w.noSheet)}`);
    }
    const [first, ...more] = texts[i];
    const line = `    ${paint.dim(pad(cells[i], cellWidth))}  ${paint.severity(f.severity, pad(severityName(f.severity, lang), sevWidth))}  ${pad(first, msgWidth)}  ${paint.dim(f.rule)}`;
    lines.push(line.trimEnd());
    for (const m of more) lines.push(`${' '.repeat(prefixWidth)}${m}`);
    if (ctx.verbose) lines.push(...details(f, ctx));
  });
  return `${lines.join('\n')}\n\n`;
}

/** The closing line of a text report. */
export function formatTextSummary(reports: readonly FileReport[], lang: Lang, lockFiles = 0): string {
  return `${closingLine(batchSummary(reports, lockFiles), lang)}\n`;
}

/**
 * The closing line on a narrow terminal: the counts go under the files' part, and that part, when it is
 * still too wide, breaks between its items ("문제없는 파일 0개, 빈 서식 1개"), never inside one.
 */
function narrowClosingLine(line: string, width: number): string[] {
  const cut = line.indexOf(' — ');
  if (cut < 0) return [line];
  const files = line.slice(0, cut);
  const lines: string[] = [];
  let current = '';
  for (const item of files.split(', ')) {
    const next = current ? `${current}, ${item}` : item;
    if (current && displayWidth(`${next},`) > width) {
      lines.push(`${current},`);
      current = `  ${item}`;
    } else current = next;
  }
  lines.push(current);
  return [...lines, `  ${line.slice(cut + 3)}`];
}

/** The one line a file that could not be read gets on stderr (the report has its block too). */
export function unreadableLine(r: FileReport, lang: Lang): string {
  return `${escapeControl(r.file)}: ${WORDS[lang].unreadable} — ${escapeControl(r.error ?? '')}`;
}

export const text: Formatter = {
  name: 'text',
  file: (r, ctx) => formatTextFile(r, ctx),
  end: (reports, ctx) => {
    const line = formatTextSummary(reports, ctx.lang, ctx.lockFiles);
    return displayWidth(line.trimEnd()) <= ctx.width ? line : `${narrowClosingLine(line.trimEnd(), ctx.width).join('\n')}\n`;
  },
};
