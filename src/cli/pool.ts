/**
 * The batch machinery of `jobtarget check`: files are checked by worker threads (Node's own
 * worker_threads; one per job), each file in isolation with a memory cap (resourceLimits) and a time
 * budget. A worker that runs out of memory, over time, or crashes is replaced, and that file alone is
 * reported. Results come back in input order through a bounded window, so memory stays flat whatever
 * the number of files.
 */
import { existsSync, promises as fsp } from 'fs';
import { availableParallelism } from 'os';
import * as path from 'path';
import type { Worker } from 'worker_threads';
import type { Lang } from '../core/rules/types';
import type { CheckSettings, Checked } from './check-file';
import { failedReport } from './failed';
import type { WorkerTask } from './check-worker';
import type { FileReport } from './formatters/types';
import { inflatedSize } from '../adapters/xlsx/zip';
import { tuneCompilerForMainThread, tuneCompilerForWorkers } from './jit';

const envNumber = (name: string, dflt: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : dflt;
};

export interface PoolLimits {
  /** V8 heap of one worker, MB. */
  memoryMb: number;
  /** Wall-clock time for one file, ms (the reader stops itself earlier; this ends a worker that does not). */
  timeBudgetMs: number;
}



/** JOBTARGET_WORKER_MEMORY_MB and JOBTARGET_TIME_BUDGET_MS override the defaults (docs/cli.md). */
export const POOL_LIMITS: PoolLimits = {
  memoryMb: envNumber('JOBTARGET_WORKER_MEMORY_MB', 320),
  timeBudgetMs: envNumber('JOBTARGET_TIME_BUDGET_MS', 90_000),
};

/** Default --jobs: the cores Node may use. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * The most workers a batch starts: four per core. More only wait for a core, and each may hold its
 * heap cap (JOBTARGET_WORKER_MEMORY_MB): `--jobs 200` on two cores took 2.4 GB and 30 s for what 2
 * workers check in 1 s.
 */
export function maxJobs(cores: number = availableParallelism()): number {
  return Math.max(1, cores) * 4;
}

/**
 * How a worker is started: the compiled worker script next to this module (tests run the TypeScript
 * sources in-process: none). From the bundle (build/cli/main.bundle.js), the worker's bundle runs through
 * bin/cached-worker.js, with V8's code cache like the main thread.
 */
interface WorkerScript {
  script: string;
  /** For bin/cached-worker.js: the bundle to run; the kind of its code cache and the V8 flags are added when a worker starts (jit.ts). */
  workerData?: { cachedLoad: string };
}

function workerScript(): WorkerScript | null {
  if (!__filename.endsWith('.js')) return null;
  if (__filename.endsWith('.bundle.js')) {
    const bundle = path.join(__dirname, 'check-worker.bundle.js');
    const loader = path.join(__dirname, '..', '..', 'bin', 'cached-worker.js');
    if (existsSync(bundle)) return existsSync(loader) ? { script: loader, workerData: { cachedLoad: bundle } } : { script: bundle };
  }
  const js = path.join(__dirname, 'check-worker.js');
  return existsSync(js) ? { script: js } : null;
}

export interface FileJob {
  file: string;
  fullPath: string;
}

export interface FileResult extends Checked {
  /** The file's bytes, when asked for (annotating), else undefined. */
  bytes?: Buffer;
}

/** A worker is replaced after this many files (a fresh one starts cold, so not too often), so its heap (and the caches in it) cannot grow with the batch. */
const FILES_PER_WORKER = envNumber('JOBTARGET_FILES_PER_WORKER', 250);

interface Task {
  id: number;
  job: FileJob;
  resolve: (r: FileResult) => void;
  /** The time budget, running from when the worker starts the file. */
  timer?: NodeJS.Timeout;
}

/**
 * A worker and its files: the first is being checked, a second may wait in the worker so it starts the
 * moment the first is done (without it, each file waited a round trip through the main thread: about a
 * fifth of a batch's worker time was idle).
 */
interface Slot {
  worker: Worker;
  files: number;
  tasks: Task[];
}

const YOUNG_GENERATION_MB = 64;

/** Files given to a worker at once: the one it checks and the next. */
const PER_WORKER = 2;

const mb = (n: number) => `${n} MB`;

class WorkerPool {
  private slots: Slot[] = [];
  private waiting: Task[] = [];
  private nextId = 0;
  /** Retired workers not yet gone (they still hold their heap). */
  private ending = 0;

  constructor(
    private readonly script: WorkerScript,
    private readonly size: number,
    private readonly settings: CheckSettings,
    private readonly wantBytes: boolean,
    private readonly limits: PoolLimits,
  ) {}

  run(job: FileJob): Promise<FileResult> {
    return new Promise((resolve) => {
      this.waiting.push({ id: this.nextId++, job, resolve });
      this.pump();
    });
  }

  private spawn(): Slot {
    // worker_threads is loaded with the first worker: a lone file checked in the main thread never needs it.
    const { Worker: WorkerThread } = require('worker_threads') as typeof import('worker_threads');
    const tuning = tuneCompilerForWorkers();
    const worker = new WorkerThread(this.script.script, {
      workerData: this.script.workerData && { ...this.script.workerData, ...tuning },
      // A young generation of 64 MB (32 before): fewer short-lived objects of a check survive into the old
      // generation, so less garbage piles up there between full collections (≈ 5% less CPU in a batch, and
      // the peak grows less with the number of files; measured in bench/).
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      stdout: true, // a worker never writes to the terminal
      stderr: true,
    });
    const slot: Slot = { worker, tasks: [], files: 0 };
    worker.on('message', (m: { id: number; report: FileReport; bytes?: Uint8Array }) => {
      const t = slot.tasks[0];
      if (!t || t.id !== m.id) return;
      clearTimeout(t.timer);
      slot.tasks.shift();
      // The next file, already in the worker, starts now: so does its time budget.
      if (slot.tasks.length) this.startClock(slot);
      const bytes = m.bytes ? Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength) : undefined;
      t.resolve({ report: m.report, read: null, bytes });
      if (++slot.files >= FILES_PER_WORKER && !slot.tasks.length) this.retire(slot);
      this.pump();
    });
    worker.on('error', (e: Error & { code?: string }) => this.lost(slot, e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash'));
    worker.on('exit', () => this.lost(slot, 'crash'));
    this.slots.push(slot);
    return slot;
  }

  /**
   * An idle worker that has done its share: ended, and a fresh one is started when needed — only once
   * the old one is gone, so there are never more than `size` heaps at once (peak memory stays flat).
   */
  private retire(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined);
    this.ending += 1;
    void slot.worker.terminate().finally(() => {
      this.ending -= 1;
      this.pump();
    });
  }

  /** The worker died or was ended: its file is reported, another worker takes its place. */
  private lost(slot: Slot, why: 'memory' | 'crash' | 'time'): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined);
    void slot.worker.terminate();
    const [t, ...queued] = slot.tasks;
    slot.tasks = [];
    // Files waiting behind the lost one were not started: they go back to the front of the line.
    this.waiting.unshift(...queued);
    if (t) {
      clearTimeout(t.timer);
      const s = Math.round(this.limits.timeBudgetMs / 1000);
      const report =
        why === 'time'
          ? failedReport(t.job.file, 'timeout', `검사하는 데 ${s}초가 넘게 걸려 멈췄습니다 — 파일이 비정상적으로 큽니다 (checking took more than ${s} s and was stopped: the file is abnormally large)`)
          : why === 'memory'
            ? failedReport(t.job.file, 'too-large', `파일이 너무 큽니다 — 읽는 데 메모리 한도(${mb(this.limits.memoryMb)})를 넘었습니다 (too large: reading it went past the memory limit of ${mb(this.limits.memoryMb)})`)
            : failedReport(t.job.file, 'damaged', '검사하지 못했습니다 — 파일이 손상되었거나 읽을 수 없는 구조입니다. Excel에서 열어 다시 저장하세요 (could not be checked: the file is damaged or has a structure that cannot be read; open and re-save it in Excel)');
      t.resolve({ report, read: null });
    }
    this.pump();
  }

  private startClock(slot: Slot): void {
    slot.tasks[0].timer = setTimeout(() => this.lost(slot, 'time'), this.limits.timeBudgetMs);
  }

  /** A worker for the next file: an idle one, else a new one while under --jobs, else one whose next file has not been given yet. */
  private slotForNext(): Slot | null {
    const idle = this.slots.find((s) => s.tasks.length === 0);
    if (idle) return idle;
    if (this.slots.length + this.ending < this.size) return this.spawn();
    // A worker about to be retired takes no more files than its share.
    return this.slots.find((s) => s.tasks.length < PER_WORKER && s.files + s.tasks.length < FILES_PER_WORKER) ?? null;
  }

  private pump(): void {
    while (this.waiting.length) {
      const slot = this.slotForNext();
      if (!slot) return;
      const next = this.waiting.shift()!;
      slot.tasks.push(next);
      if (slot.tasks.length === 1) this.startClock(slot);
      const task: WorkerTask = { id: next.id, file: next.job.file, fullPath: next.job.fullPath, settings: this.settings, wantBytes: this.wantBytes };
      slot.worker.postMessage(task);
    }
  }

  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    for (const s of slots) s.worker.removeAllListeners();
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

/**
 * A lone small file is checked in the main thread: starting a worker and loading the checker a second
 * time in it would take longer than the check. "Small" is bounded by what the file is, not by what it
 * claims: its size on disk, and for a zip the sizes its directory records, which the reader never
 * inflates past (zip.ts). Anything larger gets a worker with its memory and time caps.
 */
export const IN_PROCESS_LIMITS = { maxFileBytes: 2 * 1024 * 1024, maxInflatedBytes: 32 * 1024 * 1024 };

export async function checksInMainThread(fullPath: string): Promise<boolean> {
  let buf: Buffer;
  try {
    const st = await fsp.stat(fullPath);
    // Not a file (missing, a folder, …): the reader says so at once, no worker needed.
    if (!st.isFile()) return true;
    if (st.size > IN_PROCESS_LIMITS.maxFileBytes) return false;
    buf = await fsp.readFile(fullPath);
  } catch {
    return true;
  }
  const inflated = inflatedSize(buf);
  return inflated === null || inflated <= IN_PROCESS_LIMITS.maxInflatedBytes;
}

export interface BatchOptions {
  jobs: number;
  lang: Lang;
  /** Rule settings and --quiet (default: the language alone). */
  settings?: CheckSettings;
  /** Bring each file's bytes back (for annotated copies). */
  wantBytes: boolean;
  limits?: PoolLimits;
}

/**
 * Checks the files, yielding each result in input order. At most `jobs × 4` files are under way or
 * waiting to be yielded at any time.
 */
export async function* checkFiles(jobs: readonly FileJob[], opts: BatchOptions): AsyncGenerator<FileResult> {
  const lone = jobs.length === 1 && (await checksInMainThread(jobs[0].fullPath));
  const script = lone ? null : workerScript();
  const size = Math.max(1, Math.min(opts.jobs, jobs.length));
  const settings: CheckSettings = opts.settings ?? { lang: opts.lang };
  const pool = script ? new WorkerPool(script, size, settings, opts.wantBytes, opts.limits ?? POOL_LIMITS) : null;
  if (!pool) tuneCompilerForMainThread();
  const run = (job: FileJob): Promise<FileResult> =>
    pool ? pool.run(job) : import('./check-file').then(({ checkFile }) => checkFile(job.file, job.fullPath, settings)).then((c) => ({ ...c, bytes: c.read?.buffer }));
  const window = size * 4;
  const pending = new Map<number, Promise<FileResult>>();
  let launched = 0;
  try {
    for (let i = 0; i < jobs.length; i++) {
      while (launched < jobs.length && launched - i < window) {
        pending.set(launched, run(jobs[launched]));
        launched += 1;
      }
      const result = await pending.get(i)!;
      pending.delete(i);
      yield result;
    }
  } finally {
    await pool?.close();
  }
}
