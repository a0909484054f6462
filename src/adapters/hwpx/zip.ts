/**
 * A bounded zip reader for .hwpx packages: lists the central directory, then inflates only the entries
 * asked for, with fflate's streaming Inflate, stopping as soon as an entry grows past its limit. Every
 * inflated entry's CRC-32 is checked (node's zlib.crc32), so a damaged package is reported, not misread.
 *
 * Limits (as for .xlsx): number of entries, inflated size of one entry and of everything read, and the
 * compression ratio (a zip bomb inflates a few kB into gigabytes).
 */
import { crc32 } from 'zlib';
import { Inflate } from 'fflate';
import { ZIP_LIMITS as XLSX_ZIP_LIMITS, type ZipLimits } from '../xlsx/zip';

/** The same limits as for .xlsx packages (src/adapters/xlsx/zip.ts): one policy for every zip read. */
export const ZIP_LIMITS: ZipLimits = XLSX_ZIP_LIMITS;

export type { ZipLimits };


export interface ZipEntry {
  name: string;
  method: number;
  /** General-purpose flags; bit 0 means the entry is encrypted. */
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export type ZipProblem =
  | { kind: 'not-zip' }
  | { kind: 'truncated'; why: string }
  | { kind: 'too-many-entries'; count: number }
  | { kind: 'too-large'; entry: string; why: string }
  | { kind: 'damaged'; entry: string; why: string }
  | { kind: 'unsupported'; entry: string; why: string };

export class ZipError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem.kind);
    this.name = 'ZipError';
  }
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;

function u16(b: Uint8Array, p: number): number {
  return b[p] | (b[p + 1] << 8);
}
function u32(b: Uint8Array, p: number): number {
  return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
}

const decoder = new TextDecoder('utf-8');

export function isZip(buf: Uint8Array): boolean {
  return buf.length >= 4 && (u32(buf, 0) === LOCAL || u32(buf, 0) === EOCD);
}

/** The entries of a zip's central directory. Throws ZipError. */
export function listEntries(buf: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipEntry[] {
  if (!isZip(buf)) throw new ZipError({ kind: 'not-zip' });
  let eocd = -1;
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (u32(buf, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError({ kind: 'truncated', why: 'end of central directory not found' });
  const count = u16(buf, eocd + 10);
  const size = u32(buf, eocd + 12);
  const offset = u32(buf, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipError({ kind: 'unsupported', entry: '', why: 'zip64 archive' });
  if (count > limits.maxEntries) throw new ZipError({ kind: 'too-many-entries', count });
  if (offset + size > eocd) throw new ZipError({ kind: 'truncated', why: 'central directory lies beyond the end of the file' });
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || u32(buf, p) !== CENTRAL) throw new ZipError({ kind: 'truncated', why: 'central directory entry is cut short' });
    const nameLen = u16(buf, p + 28);
    const extraLen = u16(buf, p + 30);
    const commentLen = u16(buf, p + 32);
    const entry: ZipEntry = {
      flags: u16(buf, p + 8),
      method: u16(buf, p + 10),
      crc: u32(buf, p + 16),
      compressedSize: u32(buf, p + 20),
      size: u32(buf, p + 24),
      localOffset: u32(buf, p + 42),
      name: decoder.decode(buf.subarray(p + 46, p + 46 + nameLen)),
    };
    if (entry.localOffset >= buf.length) throw new ZipError({ kind: 'truncated', why: `${entry.name} lies beyond the end of the file` });
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Reads entries by name within the limits; `budget` carries the total across calls on one package. */
export class ZipReader {
  private readonly byName = new Map<string, ZipEntry>();
  private total = 0;
  readonly entries: ZipEntry[];

  constructor(
    private readonly buf: Uint8Array,
    private readonly limits: ZipLimits = ZIP_LIMITS,
  ) {
    this.entries = listEntries(buf, limits);
    for (const e of this.entries) if (!this.byName.has(e.name)) this.byName.set(e.name, e);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The entry's bytes, or null when the package has no such entry. Throws ZipError. */
  read(name: string): Uint8Array | null {
    const e = this.byName.get(name);
    if (!e) return null;
    const { buf, limits } = this;
    if (e.flags & 1) throw new ZipError({ kind: 'unsupported', entry: name, why: 'entry is encrypted' });
    const p = e.localOffset;
    if (p + 30 > buf.length || u32(buf, p) !== LOCAL) throw new ZipError({ kind: 'truncated', why: `local header of ${name} is missing` });
    const start = p + 30 + u16(buf, p + 26) + u16(buf, p + 28);
    const end = start + e.compressedSize;
    if (end > buf.length) throw new ZipError({ kind: 'truncated', why: `${name} is cut short` });
    const data = buf.subarray(start, end);
    let out: Uint8Array;
    if (e.method === 0) {
      out = data;
      this.count(name, out.length, e.compressedSize);
      this.total += out.length;
    } else if (e.method === 8) {
      out = this.inflate(name, data);
    } else {
      throw new ZipError({ kind: 'unsupported', entry: name, why: `compression method ${e.method}` });
    }
    if (out.length !== e.size) throw new ZipError({ kind: 'damaged', entry: name, why: `size ${out.length} instead of ${e.size}` });
    if (crc32(out) >>> 0 !== e.crc) throw new ZipError({ kind: 'damaged', entry: name, why: 'CRC-32 mismatch' });
    return out;
  }

  private count(name: string, bytes: number, compressed: number): void {
    const { limits } = this;
    if (bytes > limits.maxEntryBytes) throw new ZipError({ kind: 'too-large', entry: name, why: `inflates past ${limits.maxEntryBytes} bytes` });
    if (this.total + bytes > limits.maxTotalBytes) throw new ZipError({ kind: 'too-large', entry: name, why: `package inflates past ${limits.maxTotalBytes} bytes` });
    if (bytes > limits.ratioFloorBytes && bytes > compressed * limits.maxRatio) {
      throw new ZipError({ kind: 'too-large', entry: name, why: `compression ratio above ${limits.maxRatio}:1` });
    }
  }

  private inflate(name: string, data: Uint8Array): Uint8Array {
    const chunks: Uint8Array[] = [];
    let produced = 0;
    const inflater = new Inflate((chunk) => {
      produced += chunk.length;
      this.count(name, produced, data.length);
      chunks.push(chunk);
    });
    const STEP = 64 * 1024;
    try {
      for (let i = 0; i < data.length; i += STEP) inflater.push(data.subarray(i, Math.min(data.length, i + STEP)), i + STEP >= data.length);
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (err) {
      if (err instanceof ZipError) throw err;
      throw new ZipError({ kind: 'damaged', entry: name, why: err instanceof Error ? err.message : String(err) });
    }
    this.total += produced;
    const out = new Uint8Array(produced);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
}
