/** Process entry of the `jobtarget` CLI (bin/jobtarget.js loads the compiled build/cli/main.js). */
import { main } from './program';
import { installInterruptHandlers } from './interrupt';
import { removeTemporaryFiles } from '../adapters/output';

// `jobtarget check … | head`: a closed pipe ends the run quietly instead of with a stack trace.
// Any other failure to write (`> /dev/full`, a full disk, an I/O error) means the report was not
// delivered: one line on stderr and exit 2, never Node's stack trace and never the findings' exit 1.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    removeTemporaryFiles();
    if (stream === process.stdout) {
      try {
        process.stderr.write(`jobtarget: 보고서를 표준 출력에 쓰지 못했습니다 (${e.code ?? e.message}) (could not write the report to stdout: ${e.code ?? e.message})\n`);
      } catch {
        // stderr is gone too: the exit code says it.
      }
    }
    process.exit(2);
  });
}

// Ctrl-C or kill mid-run: the terminal and the output folders are left as they were (interrupt.ts).
installInterruptHandlers();

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: process.stderr.isTTY === true,
  stdoutIsTTY: process.stdout.isTTY === true,
  env: process.env,
  columns: process.stderr.columns,
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`jobtarget: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
