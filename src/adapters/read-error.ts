/**
 * The one kind of error every input reader throws: a documented code plus one line in Korean and one in
 * English, each saying what is wrong and what to do. Nothing from a library's own error text is shown;
 * docs/cli.md lists the codes.
 */

export type ReadErrorCode =
  /** The path does not exist. */
  | 'not-found'
  /** A folder, FIFO, device or socket given by name: only regular files are opened. */
  | 'not-a-file'
  /** The file exists but cannot be read (permission, I/O). */
  | 'unreadable'
  /** 0 bytes. */
  | 'empty'
  /** Not a workbook at all (not a zip, or a zip without a workbook), or a format jobtarget does not read (.xls). */
  | 'not-xlsx'
  /** Not a 한글 document: not a zip, or a zip that is not an .hwpx package (no mimetype application/hwp+zip, no Contents/content.hpf). */
  | 'not-hwpx'
  /** The file is cut short. */
  | 'truncated'
  /** An entry fails its CRC or size check, or its data or XML is broken. */
  | 'damaged'
  /** Password-protected (an encrypted OOXML package). */
  | 'encrypted'
  /** Past a limit: entries, inflated size, compression ratio, cells, merges, XML depth, string length, time, memory. */
  | 'too-large'
  /** Reading (or checking) one file took longer than its time budget, or ran out of its memory. */
  | 'timeout'
  /** A valid file of a kind jobtarget does not read (e.g. a legacy .xls, a strict-OOXML workbook). */
  | 'unsupported'
  /** Read, but no plan table was recognised. */
  | 'not-a-plan';

export const READ_ERROR_CODES: readonly ReadErrorCode[] = [
  'not-found',
  'not-a-file',
  'unreadable',
  'empty',
  'not-xlsx',
  'not-hwpx',
  'truncated',
  'damaged',
  'encrypted',
  'too-large',
  'timeout',
  'unsupported',
  'not-a-plan',
];

export class InputReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    readonly ko: string,
    readonly en: string,
    readonly file?: string,
  ) {
    super(`${ko} (${en})`);
    this.name = 'InputReadError';
  }
}

export function readFail(code: ReadErrorCode, ko: string, en: string, file?: string): never {
  throw new InputReadError(code, ko, en, file);
}
