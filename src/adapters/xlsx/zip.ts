/**
 * Looks at a file's bytes before exceljs does, so a broken input gets one clear reason instead of a
 * zip library's stack trace: empty, not a zip, a zip cut short, an OLE compound file (a
 * password-protected workbook, or a legacy .xls), or a zip that is not an Excel workbook.
 */

import { crc32, inflateRawSync } from 'zlib';
import { readFail } from '../read-error';

export type SniffResult =
  | { kind: 'xlsx'; entries: string[] }
  | { kind: 'empty' }
  | { kind: 'not-zip' }
  | { kind: 'truncated'; why: string }
  | { kind: 'ole'; encrypted: boolean; legacyXls: boolean }
  | { kind: 'zip-not-xlsx'; entries: string[] };

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const LOCAL_HEADER = 0x04034b50;
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

const utf16 = (s: string) => Buffer.from(s, 'utf16le');

function findEocd(buf: Buffer): number {
  // The end-of-central-directory record is 22 bytes plus a comment of at most 65,535 bytes.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** Names of the entries listed in a zip's central directory and the sizes they record inflated, in all; or why they could not be listed. */
export function zipEntries(buf: Buffer): { entries: string[] | null; inflated?: number } | { truncated: string } {
  const eocd = findEocd(buf);
  if (eocd < 0) return { truncated: 'end of central directory not found' };
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff || size === 0xffffffff) return { entries: null }; // zip64: not listed here, exceljs judges
  if (offset + size > eocd) return { truncated: 'central directory lies beyond the end of the file' };
  const entries: string[] = [];
  let inflated = 0;
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return { truncated: 'central directory entry is cut short' };
    inflated += buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (localOffset !== 0xffffffff && localOffset >= buf.length) return { truncated: 'an entry lies beyond the end of the file' };
    entries.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { entries, inflated };
}

/**
 * What a zip's central directory says its entries inflate to, in all; null when it is not a zip that
 * can be listed. The bounded reader never inflates an entry past its recorded size (inflateEntry), so
 * this is a true upper bound of the bytes a check will inflate.
 */
export function inflatedSize(buf: Buffer): number | null {
  const listed = zipEntries(buf);
  return 'truncated' in listed || listed.inflated === undefined ? null : listed.inflated;
}

export function sniff(buf: Buffer): SniffResult {
  if (buf.length === 0) return { kind: 'empty' };
  if (buf.length >= 8 && buf.subarray(0, 8).equals(OLE_MAGIC)) {
    // Stream names in an OLE directory are UTF-16LE. An encrypted OOXML package has EncryptionInfo and
    // EncryptedPackage; an Excel 97-2003 workbook has a Workbook (or Book) stream.
    const encrypted = buf.includes(utf16('EncryptedPackage')) || buf.includes(utf16('EncryptionInfo'));
    const legacyXls = !encrypted && (buf.includes(utf16('Workbook')) || buf.includes(utf16('Book')));
    return { kind: 'ole', encrypted, legacyXls };
  }
  if (buf.length < 4 || buf.readUInt32LE(0) !== LOCAL_HEADER) {
    // An empty zip (only the end record) is still a zip, just not a workbook.
    if (buf.length >= 4 && buf.readUInt32LE(0) === EOCD) return { kind: 'zip-not-xlsx', entries: [] };
    return { kind: 'not-zip' };
  }
  const listed = zipEntries(buf);
  if ('truncated' in listed) return { kind: 'truncated', why: listed.truncated };
  if (listed.entries === null) return { kind: 'xlsx', entries: [] }; // zip64: exceljs decides
  const names = new Set(listed.entries.map((e) => e.replace(/^\//, '').toLowerCase()));
  if (!names.has('xl/workbook.xml')) return { kind: 'zip-not-xlsx', entries: listed.entries };
  return { kind: 'xlsx', entries: listed.entries };
}

// ------------------------------------------------------------------------------------------------
// The bounded zip reader the .xlsx reader uses: the central directory is checked against the file's
// size and the limits below before any entry is inflated; each entry is inflated by node's zlib, at
// most to its recorded size, and its size and CRC-32 (node's zlib.crc32) are verified.


export interface ZipLimits {
  /** Entries in the archive. */
  maxEntries: number;
  /** Inflated size of one entry. */
  maxEntryBytes: number;
  /** Inflated size of all entries together. */
  maxTotalBytes: number;
  /** Inflated / compressed, for entries whose inflated size exceeds ratioFloorBytes. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 16 * 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the compressed data in the archive. */
  dataStart: number;
}

export interface ZipArchive {
  buf: Buffer;
  entries: ZipEntry[];
  /** By lower-case name (OOXML part names are case-insensitive). */
  byName: Map<string, ZipEntry>;
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

function tooLarge(file: string | undefined, ko: string, en: string): never {
  readFail('too-large', `파일이 너무 큽니다 — ${ko}`, `too large: ${en}`, file);
}

function damaged(file: string | undefined, entry: string, ko: string, en: string): never {
  readFail('damaged', `파일이 손상되었습니다 (${entry}): ${ko} — 원본을 다시 받거나 Excel에서 열어 다시 저장하세요`, `the file is damaged (${entry}): ${en}; get the original again or open and re-save it in Excel`, file);
}

function truncated(file: string | undefined, why: string): never {
  readFail('truncated', '파일이 손상되었습니다 — 중간에 잘린 파일입니다. 원본을 다시 받으세요', `the file is truncated (${why}); get the original again`, file);
}

/** Refuses what is plainly not an OOXML zip from its first bytes (empty, OLE, other formats). */
export function checkZipHead(first: Buffer, size: number, file?: string): void {
  if (size === 0) readFail('empty', '빈 파일입니다 (0바이트)', 'empty file: 0 bytes', file);
  if (first.length >= 8 && first.subarray(0, 8).equals(OLE_MAGIC)) return; // decided on the whole file (encrypted or .xls)
  if (first.length >= 4 && (first.readUInt32LE(0) === LOCAL_HEADER || first.readUInt32LE(0) === EOCD)) return;
  readFail('not-xlsx', 'Excel(.xlsx) 통합 문서가 아닙니다 — ZIP 형식이 아닙니다. Excel에서 .xlsx로 저장하세요', 'not an .xlsx workbook: not a zip archive; save it as .xlsx in Excel', file);
}

/** The OLE compound files that can come our way: an encrypted OOXML package, a legacy .xls, anything else. */
function failOle(buf: Buffer, file?: string): never {
  const has = (s: string) => buf.includes(utf16(s));
  if (has('EncryptedPackage') || has('EncryptionInfo')) {
    readFail('encrypted', '암호로 보호된 파일입니다 — Excel에서 암호를 해제해 저장한 뒤 다시 검사하세요', 'password-protected workbook: remove the password in Excel, save and check again', file);
  }
  if (has('Workbook') || has('Book')) {
    readFail('unsupported', 'Excel 97-2003(.xls) 형식입니다 — Excel에서 .xlsx로 저장한 뒤 다시 검사하세요', 'legacy .xls workbook: save it as .xlsx in Excel and check again', file);
  }
  readFail('not-xlsx', 'Excel 통합 문서가 아닌 OLE 파일입니다 (Word, 한글 등) — .xlsx 통합 문서를 주세요', 'an OLE file that is not an Excel workbook (Word, HWP …): give an .xlsx workbook', file);
}

/** Lists and checks the archive. Nothing is inflated here. */
export function openZip(buf: Buffer, file?: string, limits: ZipLimits = ZIP_LIMITS): ZipArchive {
  if (buf.length === 0) readFail('empty', '빈 파일입니다 (0바이트)', 'empty file: 0 bytes', file);
  if (buf.length >= 8 && buf.subarray(0, 8).equals(OLE_MAGIC)) failOle(buf, file);
  checkZipHead(buf.subarray(0, 8), buf.length, file);
  const eocd = findEocd(buf);
  if (eocd < 0) truncated(file, 'end of central directory not found');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    readFail('unsupported', 'ZIP64 형식은 읽지 않습니다 — Excel에서 다시 저장하세요', 'zip64 archives are not read: re-save the workbook in Excel', file);
  }
  if (count > limits.maxEntries) tooLarge(file, `ZIP 항목이 ${count}개입니다 (한도 ${limits.maxEntries})`, `${count} zip entries (limit ${limits.maxEntries})`);
  if (cdOffset + cdSize > eocd) truncated(file, 'the central directory lies beyond the end of the file');
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) truncated(file, 'a central directory entry is cut short');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, Math.min(p + 46 + nameLen, eocd));
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) readFail('encrypted', `암호로 보호된 ZIP 항목이 있습니다 (${name}) — 암호를 해제해 저장한 뒤 다시 검사하세요`, `a zip entry is password-protected (${name}): remove the password, save and check again`, file);
    if (method !== 0 && method !== 8) readFail('unsupported', `지원하지 않는 압축 방식입니다 (${name}) — Excel에서 다시 저장하세요`, `unsupported compression method ${method} (${name}): re-save the workbook in Excel`, file);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      readFail('unsupported', 'ZIP64 형식은 읽지 않습니다 — Excel에서 다시 저장하세요', 'zip64 archives are not read: re-save the workbook in Excel', file);
    }
    if (size > limits.maxEntryBytes) tooLarge(file, `${name}의 압축을 풀면 ${mb(size)}입니다 (한도 ${mb(limits.maxEntryBytes)})`, `${name} inflates to ${mb(size)} (limit ${mb(limits.maxEntryBytes)})`);
    if (size > limits.ratioFloorBytes && size > compressedSize * limits.maxRatio) {
      tooLarge(file, `${name}의 압축률이 비정상적입니다 (${Math.round(size / Math.max(1, compressedSize))}:1, 압축 폭탄)`, `${name} has an abnormal compression ratio (${Math.round(size / Math.max(1, compressedSize))}:1, a zip bomb)`);
    }
    total += size;
    if (total > limits.maxTotalBytes) tooLarge(file, `압축을 풀면 ${mb(total)}가 넘습니다 (한도 ${mb(limits.maxTotalBytes)})`, `inflates to more than ${mb(total)} (limit ${mb(limits.maxTotalBytes)})`);
    if (localOffset + 30 > buf.length) truncated(file, `${name} lies beyond the end of the file`);
    if (buf.readUInt32LE(localOffset) !== LOCAL_HEADER) damaged(file, name, '항목 머리글이 없습니다', 'its local header is missing');
    const dataStart = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > buf.length) truncated(file, `${name} is cut short`);
    if (method === 0 && compressedSize !== size) damaged(file, name, '크기가 맞지 않습니다', 'its sizes do not agree');
    const key = name.replace(/^\//, '').toLowerCase();
    if (byName.has(key)) damaged(file, name, '같은 이름의 항목이 두 번 있습니다', 'the entry appears twice');
    const entry: ZipEntry = { name, method, crc, compressedSize, size, dataStart };
    entries.push(entry);
    byName.set(key, entry);
  }
  return { buf, entries, byName };
}

/**
 * Inflates one entry (node's zlib, never past its recorded size) and verifies its size and CRC-32: a
 * mismatch is "damaged" with the entry's name, and nothing of a damaged entry is handed on. The XML
 * tokenizer reads the bytes as they are (no text is made of the whole part).
 */
export function inflatePart(zip: ZipArchive, entry: ZipEntry, file?: string): Buffer {
  const src = zip.buf.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let data: Buffer;
  if (entry.method === 0) data = src;
  else {
    try {
      // One output chunk of the recorded size (bounded by the limits above), so zlib's output is not copied again.
      data = inflateRawSync(src, { maxOutputLength: Math.max(1, entry.size), chunkSize: Math.min(Math.max(64, entry.size + 1), 64 * 1024 * 1024) });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') damaged(file, entry.name, '압축을 푼 크기가 기록된 크기보다 큽니다', 'it inflates to more than its recorded size');
      damaged(file, entry.name, '압축된 데이터가 깨졌습니다', 'its compressed data is broken');
    }
  }
  if (data.length !== entry.size) damaged(file, entry.name, `크기가 맞지 않습니다 (${data.length} ≠ ${entry.size})`, `size mismatch (${data.length} ≠ ${entry.size})`);
  if (crc32(data) >>> 0 !== entry.crc >>> 0) damaged(file, entry.name, 'CRC 검사값이 맞지 않습니다', 'CRC-32 mismatch');
  return data;
}

/** Verifies an entry nothing else reads (size and CRC only). */
export function verifyEntry(zip: ZipArchive, entry: ZipEntry, file?: string): void {
  inflatePart(zip, entry, file);
}
