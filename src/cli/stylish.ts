/**
 * The text report, like ESLint's stylish: per file a header with whose plan it is, then per sheet one
 * short line per finding — cell, severity, a headline with the figures once, the rule id:
 *
 *   ■ 계획.xlsx — 인천광역시 서구 · 민선 8기 · 2023~2026 — 오류 13 · 경고 11 · 정보 2
 *     분야별 목표
 *       C7   오류  청년 일자리 확대 소요예산 합계: 전략분야 4,197 ≠ 실천과제 합 4,193 (+4, 허용 ±1.5)  area-total
 *
 * Widths are display columns (string-width: Hangul is two wide); no line is wider than the limit (120,
 * or the terminal when narrower): a long headline is cut with "…" and the whole message is in --verbose.
 */
import stringWidth from 'string-width';
import type { Finding, Lang, Severity } from '../core/rules/types';
import { severityCounts } from './batch';
import { painter, type Painter } from './color';
import { identityText } from './identity';
import type { FileReport } from './report';
import { escapeControl } from './formatters/text';

export const MAX_WIDTH = 120;

export interface StylishOptions {
  lang: Lang;
  paint?: Painter;
  /** Display columns a line may take (default 120). */
  width?: number;
  /** Show each finding's whole message, its cells and figures under its line. */
  verbose?: boolean;
}

const SEVERITY: Record<Lang, Record<Severity, string>> = {
  ko: { error: '오류', warning: '경고', info: '정보' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

const WORDS = {
  ko: { expected: '기대', actual: '실제', tolerance: '허용', cells: '셀', none: '문제없음', unreadable: '읽지 못함', notRead: '읽지 않음' },
  en: { expected: 'expected', actual: 'actual', tolerance: 'tolerance', cells: 'cells', none: 'no problems', unreadable: 'unreadable', notRead: 'not read' },
};

const groupedInteger = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

export function figure(v: number | string | null): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  return groupedInteger.format(v);
}

/** A difference as Korean tables write it: +4, △2 for a negative one. */
function signed(n: number): string {
  const r = Number(n.toFixed(6));
  return r < 0 ? `△${figure(-r)}` : `+${figure(r)}`;
}

/** Cuts a string to `width` display columns, ending with "…" when cut. */
export function fit(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/**
 * The finding in one short sentence: the message up to its explanation in parentheses, and the
 * figures once — the difference and the tolerance for a comparison of numbers.
 */
export function headline(f: Finding, lang: Lang): string {
  const given = (f as Finding & { headline?: string }).headline;
  if (given) return given;
  const cut = f.message.indexOf(' (');
  const numeric = typeof f.expected === 'number' && typeof f.actual === 'number';
  if (!numeric || cut < 0) return f.message;
  const parts = [signed((f.actual as number) - (f.expected as number))];
  if (f.tolerance !== null) parts.push(`${WORDS[lang].tolerance} ±${figure(f.tolerance)}`);
  return `${f.message.slice(0, cut)} (${parts.join(', ')})`;
}

/** Wraps text into lines of at most `width` display columns, each starting with `indent`. */
function wrap(text: string, width: number, indent: string): string[] {
  const room = Math.max(20, width - stringWidth(indent));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/(?<=\s)/)) {
    if (stringWidth(line + word) > room && line.trim()) {
      lines.push(indent + line.trimEnd());
      line = '';
    }
    let w = word;
    while (stringWidth(w) > room) {
      const head = fit(w, room + 1).replace(/…$/, '');
      lines.push(indent + head);
      w = w.slice(head.length);
    }
    line += w;
  }
  if (line.trim()) lines.push(indent + line.trimEnd());
  return lines;
}

function details(f: Finding, o: Required<Omit<StylishOptions, 'paint'>> & { paint: Painter }): string[] {
  const w = WORDS[o.lang];
  const indent = '           ';
  const out = wrap(f.message, o.width, indent);
  const figures: string[] = [];
  if (f.expected !== null) figures.push(`${w.expected} ${figure(f.expected)}`);
  if (f.actual !== null) figures.push(`${w.actual} ${figure(f.actual)}`);
  if (f.tolerance !== null) figures.push(`${w.tolerance} ±${figure(f.tolerance)}`);
  if (figures.length) out.push(...wrap(figures.join(' · '), o.width, indent));
  if (f.cells.length) out.push(...wrap(`${w.cells}: ${f.cells.join(', ')}`, o.width, indent));
  return out.map((l) => o.paint.dim(l));
}

/**
 * File names, sheet names and labels may hold control characters (ESC sequences, CR/LF from a crafted
 * workbook): the terminal is shown them escaped, never sent them.
 */
function escaped(r: FileReport): FileReport {
  return {
    ...r,
    file: escapeControl(r.file),
    error: r.error === null ? null : escapeControl(r.error),
    findings: r.findings.map((f) => ({ ...f, sheet: escapeControl(f.sheet), cell: escapeControl(f.cell), message: escapeControl(f.message), cells: f.cells.map(escapeControl) })),
  };
}

/** One file's block (or its one line when clean, not read or unreadable). */
export function formatStylishFile(given: FileReport, opts: StylishOptions): string {
  const r = escaped(given);
  const o = { lang: opts.lang, paint: opts.paint ?? painter(false), width: Math.min(opts.width ?? MAX_WIDTH, MAX_WIDTH), verbose: opts.verbose ?? false };
  const w = WORDS[o.lang];
  const title = r.plan ? `${r.file} — ${escapeControl(identityText(r.plan, o.lang))}` : r.file;
  if (r.error !== null) {
    const notRead = r.errorCode === 'not-read';
    const head = `${notRead ? '–' : '✗'} ${r.file} — ${notRead ? w.notRead : w.unreadable}: `;
    const lines = wrap(r.error, o.width, '    ');
    const first = fit(head + lines[0].trim(), o.width);
    return [notRead ? first : o.paint.severity('error', first), ...lines.slice(1)].join('\n') + '\n';
  }
  const accepted = r.accepted?.length ?? 0;
  const skipped = accepted ? (o.lang === 'ko' ? `(수용한 항목 ${accepted}건은 건너뜀)` : `(${accepted} accepted finding${accepted === 1 ? '' : 's'} skipped)`) : '';
  // The header is never cut: a file's name matters more than the width.
  if (r.findings.length === 0) return `${o.paint.ok('✓')} ${title} — ${w.none}${skipped ? ` ${skipped}` : ''}\n`;
  const header = `■ ${title} — ${severityCounts(r.summary, o.lang)}`;
  // Too wide for one line: the file on its own line, whose plan and the counts under it.
  const lines =
    stringWidth(header) <= o.width || !r.plan
      ? [o.paint.bold(header)]
      : [o.paint.bold(`■ ${r.file}`), o.paint.bold(fit(`  ${escapeControl(identityText(r.plan, o.lang))} — ${severityCounts(r.summary, o.lang)}`, o.width))];
  if (skipped) lines.push(`  ${skipped}`);
  const cellWidth = Math.max(3, ...r.findings.map((f) => stringWidth(f.cell)));
  const sevWidth = Math.max(...Object.values(SEVERITY[o.lang]).map((s) => stringWidth(s)));
  // Findings arrive ordered by severity, then sheet; grouped here by sheet in the order the sheets first appear.
  const sheets = [...new Set(r.findings.map((f) => f.sheet))];
  const prefixWidth = 4 + cellWidth + 2 + sevWidth + 2;
  const ruleWidth = 2 + Math.max(...r.findings.map((f) => stringWidth(f.rule)));
  // Headlines share a column as wide as the widest one, within the line's width; the rule ids follow.
  const room = Math.max(10, o.width - prefixWidth - ruleWidth);
  const msgWidth = Math.min(room, Math.max(...r.findings.map((f) => stringWidth(headline(f, o.lang)))));
  for (const sheet of sheets) {
    lines.push(`  ${o.paint.underline(sheet || (o.lang === 'ko' ? '(시트 없음)' : '(no sheet)'))}`);
    for (const f of r.findings.filter((x) => x.sheet === sheet)) {
      // A headline longer than the shared column may still use the room its own (shorter) rule id leaves.
      const h = headline(f, o.lang);
      const text = stringWidth(h) <= msgWidth ? pad(h, msgWidth) : fit(h, Math.max(10, o.width - prefixWidth - 2 - stringWidth(f.rule)));
      const line = `    ${o.paint.dim(pad(f.cell || '-', cellWidth))}  ${o.paint.severity(f.severity, pad(SEVERITY[o.lang][f.severity], sevWidth))}  ${text}  ${o.paint.dim(f.rule)}`;
      lines.push(line.trimEnd());
      if (o.verbose) lines.push(...details(f, o));
    }
  }
  return `${lines.join('\n')}\n\n`;
}
