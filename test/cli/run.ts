/** Runs the CLI in-process and captures what it prints. */
import { main } from '../../src/cli/program';

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function run(
  args: string[],
  opts: { cwd?: string; isTTY?: boolean; stdoutIsTTY?: boolean; env?: Record<string, string | undefined>; columns?: number } = {},
): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(args, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    isTTY: opts.isTTY ?? false,
    stdoutIsTTY: opts.stdoutIsTTY ?? false,
    env: opts.env ?? {},
    columns: opts.columns ?? 100,
    cwd: opts.cwd ?? process.cwd(),
    now: () => new Date('2026-11-21T09:00:00Z'),
  });
  return { code, out, err };
}

/** RFC 4180 parser for checking the CSV report. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
