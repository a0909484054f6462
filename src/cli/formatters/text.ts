/**
 * `--format text` (the default): a table per file (severity, cell, rule, the message with its figures)
 * and a summary line. Labels and file names come from the files checked, so control characters in them
 * (an ESC sequence that would recolour or clear the terminal, a CR that would overwrite the line, a line
 * break that would forge a row) are shown escaped (\x1b, \r, \n), never sent to the terminal.
 */
import { SEVERITY_NAMES, cellLabel, countsText, detail } from '../../core/present';
import type { Lang } from '../../core/rules/types';
import { batchSummary, type BatchSummary, type FileReport, type Formatter } from './types';

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Control characters (C0, DEL, C1) as visible escapes; the rest unchanged. */
export function escapeControl(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => NAMED[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

const WORDS = {
  ko: {
    headers: ['심각도', '셀', '규칙', '메시지'],
    none: '발견된 문제가 없습니다.',
    total: (b: BatchSummary) => `검사한 파일 ${b.files}개 · ${countsText(b, 'ko')}${b.unreadable ? ` · 읽지 못한 파일 ${b.unreadable}개` : ''}`,
    unreadable: '읽지 못함',
  },
  en: {
    headers: ['severity', 'cell', 'rule', 'message'],
    none: 'No findings.',
    total: (b: BatchSummary) => `${b.files} file${b.files === 1 ? '' : 's'} checked · ${countsText(b, 'en')}${b.unreadable ? ` · ${b.unreadable} unreadable` : ''}`,
    unreadable: 'unreadable',
  },
};

/** Columns a string takes in a terminal: Hangul and CJK are two wide. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** The table of one readable file (a file that could not be read gets its one line on stderr instead). */
export function formatTextFile(r: FileReport, lang: Lang): string {
  const w = WORDS[lang];
  const lines = [`■ ${escapeControl(r.file)}`];
  if (r.error !== null) {
    lines.push(`  ${w.unreadable}: ${escapeControl(r.error)}`);
    return `${lines.join('\n')}\n\n`;
  }
  if (r.findings.length === 0) {
    lines.push(`  ${w.none}`);
  } else {
    const rows = r.findings.map((f) => [SEVERITY_NAMES[lang][f.severity], escapeControl(cellLabel(f) || '-'), f.rule, escapeControl(detail(f, lang))]);
    const widths = [0, 1, 2].map((c) => Math.max(displayWidth(w.headers[c]), ...rows.map((x) => displayWidth(x[c]))));
    const line = (cells: string[]) => `  ${cells.map((c, i) => (i < 3 ? pad(c, widths[i]) : c)).join('  ')}`.trimEnd();
    lines.push(line(w.headers));
    lines.push(line(widths.map((n) => '─'.repeat(n)).concat('─'.repeat(Math.max(displayWidth(w.headers[3]), 8)))));
    for (const row of rows) lines.push(line(row));
  }
  lines.push(`  → ${countsText(r.summary, lang)}`);
  const accepted = r.accepted?.length ?? 0;
  if (accepted) lines.push(lang === 'ko' ? `  (수용한 항목 ${accepted}건은 건너뜀)` : `  (${accepted} accepted finding${accepted === 1 ? '' : 's'} skipped)`);
  return `${lines.join('\n')}\n\n`;
}

export function formatTextSummary(reports: readonly FileReport[], lang: Lang): string {
  return `${WORDS[lang].total(batchSummary(reports))}\n`;
}

/** The one line a file that could not be read gets (stderr, in every format). */
export function unreadableLine(r: FileReport, lang: Lang): string {
  return `${escapeControl(r.file)}: ${WORDS[lang].unreadable} — ${escapeControl(r.error ?? '')}`;
}

export const text: Formatter = {
  name: 'text',
  description: '표 (a table per file and a summary line)',
  file: (r, ctx) => (r.error === null ? formatTextFile(r, ctx.lang) : ''),
  end: (reports, ctx) => formatTextSummary(reports, ctx.lang),
};
