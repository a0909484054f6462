/**
 * Opening an input file: only regular files (a FIFO would block, a device such as /dev/zero never
 * ends), a size limit checked before reading, and the first bytes handed to the format's own check so
 * a file that is plainly not of that format is refused before it is read whole.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'fs';
import { readFail } from './read-error';

/** Files larger than this are refused unread. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export interface ReadFileOptions {
  maxBytes?: number;
  /** Looks at the first (up to 8) bytes; throws to refuse the file. `size` is the whole file's size. */
  head?: (first: Buffer, size: number) => void;
}

function failOpen(e: unknown, file: string): never {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') readFail('not-found', '파일을 찾을 수 없습니다 — 경로를 확인하세요', 'file not found: check the path', file);
  if (code === 'EISDIR') readFail('not-a-file', '파일이 아니라 폴더입니다', 'a folder, not a file', file);
  if (code === 'EACCES' || code === 'EPERM') readFail('unreadable', '파일을 읽을 권한이 없습니다 — 권한을 확인하세요', 'permission denied: check the file permissions', file);
  if (code === 'ELOOP') readFail('not-found', '심볼릭 링크가 끝없이 이어집니다', 'a symbolic link loop', file);
  if (code === 'ENAMETOOLONG') readFail('not-found', '파일 이름이나 경로가 너무 깁니다 — 짧은 이름의 폴더로 옮기세요', 'the file name or path is too long: move it to a folder with a shorter name', file);
  readFail('unreadable', `파일을 열 수 없습니다 (${code ?? 'I/O'})`, `cannot open the file (${code ?? 'I/O error'})`, file);
}

function notRegular(file: string): never {
  readFail('not-a-file', '일반 파일이 아닙니다 (장치, FIFO 등) — 통합 문서 파일을 주세요', 'not a regular file (a device, FIFO or socket): give a workbook file', file);
}

/**
 * The whole file, after the checks above. Never writes. The calls are synchronous: a check reads one
 * local file at a time (in a worker thread, or a lone file in the main thread), and six round trips
 * through libuv's thread pool (stat, open, fstat, two reads, close) left a worker idle about 1.5 ms per
 * file — a quarter of checking a small plan.
 */
export async function readRegularFile(file: string, opts: ReadFileOptions = {}): Promise<Buffer> {
  return readRegularFileSync(file, opts);
}

function readRegularFileSync(file: string, opts: ReadFileOptions): Buffer {
  const maxBytes = opts.maxBytes ?? MAX_FILE_BYTES;
  // stat first (it follows links): a FIFO is refused before open(), which would block on it.
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    failOpen(e, file);
  }
  if (st.isDirectory()) readFail('not-a-file', '파일이 아니라 폴더입니다', 'a folder, not a file', file);
  if (!st.isFile()) notRegular(file);
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    failOpen(e, file);
  }
  try {
    const st2 = fstatSync(fd);
    if (!st2.isFile()) notRegular(file); // replaced between stat and open
    const size = st2.size;
    const first = Buffer.alloc(Math.min(8, size));
    if (first.length) readSync(fd, first, 0, first.length, 0);
    opts.head?.(first, size);
    if (size > maxBytes) readFail('too-large', `파일이 너무 큽니다 (${mib(size)}, 한도 ${mib(maxBytes)})`, `file too large (${mib(size)}, limit ${mib(maxBytes)})`, file);
    const buf = Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
      const bytesRead = readSync(fd, buf, at, size - at, at);
      if (bytesRead === 0) break; // shrank while being read
      at += bytesRead;
    }
    return at === size ? buf : buf.subarray(0, at);
  } catch (e) {
    if ((e as Error).name === 'InputReadError') throw e;
    failOpen(e, file);
  } finally {
    closeSync(fd);
  }
}
