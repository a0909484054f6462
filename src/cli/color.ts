/**
 * Colour on a terminal, like ESLint: on when stdout is a terminal, off with NO_COLOR (any non-empty
 * value, https://no-color.org), on with FORCE_COLOR (off with FORCE_COLOR=0); `--color` / `--no-color` decide over both. A
 * report written to a file (-o) never has colour codes.
 */
import type { Severity } from '../core/rules/types';

export interface ColorContext {
  /** --color (true), --no-color (false), neither (undefined). */
  flag?: boolean;
  env?: Record<string, string | undefined>;
  stdoutIsTTY?: boolean;
  toFile?: boolean;
}

export function colorEnabled(c: ColorContext): boolean {
  if (c.toFile) return false;
  if (c.flag !== undefined) return c.flag;
  const env = c.env ?? {};
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') {
    // FORCE_COLOR=0 (or false) asks for no colour, as Node's own tty.getColorDepth and chalk take it.
    return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  }
  if (env.TERM === 'dumb') return false;
  return c.stdoutIsTTY === true;
}

export interface Painter {
  enabled: boolean;
  severity(s: Severity, text: string): string;
  bold(text: string): string;
  dim(text: string): string;
  ok(text: string): string;
  underline(text: string): string;
}

const SGR = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const SEVERITY_SGR: Record<Severity, (t: string) => string> = { error: SGR(31, 39), warning: SGR(33, 39), info: SGR(36, 39) };
const identity = (t: string) => t;

export function painter(enabled: boolean): Painter {
  if (!enabled) return { enabled, severity: (_s, t) => t, bold: identity, dim: identity, ok: identity, underline: identity };
  return {
    enabled,
    severity: (s, t) => SEVERITY_SGR[s](t),
    bold: SGR(1, 22),
    dim: SGR(2, 22),
    ok: SGR(32, 39),
    underline: SGR(4, 24),
  };
}
