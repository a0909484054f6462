/**
 * Ctrl-C (SIGINT), `kill` (SIGTERM) or a closed terminal (SIGHUP) in the middle of a run: what the run
 * has under way is undone first — the progress bar gives the terminal its cursor and line wrapping back,
 * temporary files of outputs not yet in place are removed — then the signal ends the process as it
 * would have (exit 130, 143, …). Without this a reviewer's shell was left without a cursor, and
 * `.plan.검증.xlsx.<pid>.….tmp` files stayed in the output folder.
 */
import { removeTemporaryFiles } from '../adapters/output';

const undo = new Set<() => void>();

/** Runs `fn` if the run is interrupted; the returned function unregisters it (call it when done). */
export function onInterrupt(fn: () => void): () => void {
  undo.add(fn);
  return () => {
    undo.delete(fn);
  };
}

export const INTERRUPT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

interface Proc {
  pid: number;
  once(event: string, listener: () => void): unknown;
  kill(pid: number, signal: string): unknown;
}

/** Installs the handlers once per process (src/cli/main.ts). Synchronous: nothing else runs after a signal. */
export function installInterruptHandlers(proc: Proc = process): void {
  for (const signal of INTERRUPT_SIGNALS) {
    proc.once(signal, () => {
      for (const fn of [...undo]) {
        try {
          fn();
        } catch {
          // Undo what can be undone; the signal ends the run either way.
        }
      }
      undo.clear();
      removeTemporaryFiles();
      // The handler was registered once: the signal now takes its default action.
      proc.kill(proc.pid, signal);
    });
  }
}
