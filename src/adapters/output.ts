/**
 * Writing an output file safely, for every command that writes one (annotated copies, templates):
 *
 * - the bytes go to a new temporary file in the target folder (created exclusively, so never through
 *   an existing link) and are then put in place in one step: a link/rename of the directory entry;
 * - whatever sits at the output path is never written through: a symbolic link there is replaced as a
 *   link (with `force`), never followed, and a hard link is never opened;
 * - a path that is, or links to, one of the protected files (the inputs of the batch) by inode — hard
 *   links included — is refused, with or without `force`;
 * - an existing file is kept unless `force`.
 */
import { randomBytes } from 'crypto';
import { promises as fs, rmSync, type Stats } from 'fs';
import * as path from 'path';

/** Temporary files written but not yet put in place (or removed): what an interrupted run leaves. */
const temporaryFiles = new Set<string>();

/** Temporary files under way, e.g. for a test. */
export function pendingTemporaryFiles(): string[] {
  return [...temporaryFiles];
}

/** Removes the temporary files under way, synchronously: called when the run is interrupted (src/cli/interrupt.ts). */
export function removeTemporaryFiles(): void {
  for (const file of temporaryFiles) {
    try {
      rmSync(file, { force: true });
    } catch {
      // Nothing more can be done for it.
    }
  }
  temporaryFiles.clear();
}

/** Registers a temporary file for removal if the run is interrupted; the returned function removes it (always call it). */
export function trackTemporaryFile(file: string): () => Promise<void> {
  temporaryFiles.add(file);
  return async () => {
    await fs.rm(file, { force: true });
    temporaryFiles.delete(file);
  };
}

/** The output path is, or links to, a protected file (an input). */
export class OutputIsInputError extends Error {
  readonly code = 'is-input';
  constructor(readonly file: string) {
    super(`출력 파일이 입력 파일을 덮어쓰게 되어 쓰지 않았습니다: ${file} (refused: the output would overwrite an input file)`);
    this.name = 'OutputIsInputError';
  }
}

/** Something is already at the output path and `force` was not given. */
export class OutputExistsError extends Error {
  readonly code = 'exists';
  constructor(readonly file: string) {
    super(`파일이 이미 있습니다: ${file} — 덮어쓰려면 --force를 붙이세요 (file exists: ${file}; add --force to overwrite)`);
    this.name = 'OutputExistsError';
  }
}

export interface OutputOptions {
  /** Replace what is at the path (a file or a link: the entry is replaced, never written through). */
  force?: boolean;
  /** Files the output may never be (by inode), e.g. every input of the batch. */
  protect?: readonly string[];
}

/** Device and inode of a file, following links; null when it does not exist. */
async function identity(file: string, follow: boolean): Promise<string | null> {
  let st: Stats;
  try {
    st = follow ? await fs.stat(file) : await fs.lstat(file);
  } catch {
    return null;
  }
  return `${st.dev}:${st.ino}`;
}

/** Inodes of the protected files (both the link and what it points to, for symbolic links). */
export async function protectedIdentities(files: readonly string[]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const f of files) {
    for (const follow of [true, false]) {
      const id = await identity(f, follow);
      if (id) ids.add(id);
    }
  }
  return ids;
}

/** Refuses a path that is (or links to) a protected file, or an existing entry without `force`. */
async function checkTarget(file: string, protectedIds: Set<string>, force: boolean): Promise<void> {
  const entry = await identity(file, false);
  if (entry === null) return;
  const target = await identity(file, true);
  if (protectedIds.has(entry) || (target !== null && protectedIds.has(target))) throw new OutputIsInputError(file);
  if (!force) throw new OutputExistsError(file);
}

/**
 * Writes `bytes` to `file` as described above. The folder must exist. On any failure the temporary
 * file is removed and whatever was at `file` is as it was.
 */
export async function writeOutputFile(file: string, bytes: Uint8Array, opts: OutputOptions = {}): Promise<void> {
  const force = opts.force === true;
  const protectedIds = await protectedIdentities(opts.protect ?? []);
  await checkTarget(file, protectedIds, force);
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  // 'wx': O_CREAT|O_EXCL — fails on anything already there, a link included.
  const handle = await fs.open(temp, 'wx', 0o644);
  const release = trackTemporaryFile(temp);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The folder may have changed while we wrote: check again right before the entry is put in place.
    await checkTarget(file, protectedIds, force);
    if (force) {
      await fs.rename(temp, file);
    } else {
      // link() fails when anything appeared at the path meanwhile: no clobbering, even in a race.
      try {
        await fs.link(temp, file);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new OutputExistsError(file);
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'ENOSYS') throw e;
        // A file system without hard links: rename (the entry was checked just above).
        await fs.rename(temp, file);
      }
    }
  } finally {
    await release();
  }
}
