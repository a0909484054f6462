/**
 * Looks at a file's bytes before exceljs does, so a broken input gets one clear reason instead of a
 * zip library's stack trace: empty, not a zip, a zip cut short, an OLE compound file (a
 * password-protected workbook, or a legacy .xls), or a zip that is not an Excel workbook.
 */

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

/** Names of the entries listed in a zip's central directory, or why they could not be listed. */
export function zipEntries(buf: Buffer): { entries: string[] | null } | { truncated: string } {
  const eocd = findEocd(buf);
  if (eocd < 0) return { truncated: 'end of central directory not found' };
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff || size === 0xffffffff) return { entries: null }; // zip64: not listed here, exceljs judges
  if (offset + size > eocd) return { truncated: 'central directory lies beyond the end of the file' };
  const entries: string[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return { truncated: 'central directory entry is cut short' };
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    if (localOffset !== 0xffffffff && localOffset >= buf.length) return { truncated: 'an entry lies beyond the end of the file' };
    entries.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { entries };
}

export function sniff(buf: Buffer): SniffResult {
  if (buf.length === 0) return { kind: 'empty' };
  if (buf.length >= 8 && buf.subarray(0, 8).equals(OLE_MAGIC)) {
    // Stream names in an OLE directory are UTF-16LE. An encrypted OOXML package has EncryptionInfo and
    // EncryptedPackage; an Excel 97-2003 workbook has a Workbook (or Book) stream.
    const encrypted = buf.includes(utf16('EncryptedPackage')) || buf.includes(utf16('EncryptionInfo'));
    const legacyXls = !encrypted && (buf.includes(utf16('Workbook')) || buf.includes(utf16('Book')));
    return { kind: 'ole', encrypted: encrypted || !legacyXls, legacyXls };
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
