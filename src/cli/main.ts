/** Process entry of the `jobtarget` CLI (bin/jobtarget.js loads the compiled build/cli/main.js). */
import { main } from './program';
import { installInterruptHandlers } from './interrupt';

// `jobtarget check … | head`: a closed pipe ends the run quietly instead of with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
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
