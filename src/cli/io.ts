/** What the CLI needs from its process, injectable so tests run commands in-process. */
export interface Writable {
  write(chunk: string): unknown;
}

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  /** stderr is a terminal: a progress bar is shown when several files are checked. */
  isTTY?: boolean;
  /** stdout is a terminal: the report is coloured (unless NO_COLOR or --no-color). */
  stdoutIsTTY?: boolean;
  /** Environment (NO_COLOR, FORCE_COLOR, TERM); default none. */
  env?: Record<string, string | undefined>;
  /** Terminal width for the progress bar. */
  columns?: number;
  /** Folder relative paths are resolved against (default process.cwd()). */
  cwd?: string;
  /** Clock, for the annotated copies' "checked at" line. */
  now?: () => Date;
}

/** Exit codes: 0 no errors; 1 some finding of severity error; 2 a file could not be read, or bad usage. 2 wins over 1. */
export const EXIT = { ok: 0, findings: 1, trouble: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
