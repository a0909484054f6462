/**
 * A zip reader and writer of the fuzz corpus's own (independent of the code under test): the reader
 * lists entries with where their data lies (to damage exactly the compressed bytes of one entry), the
 * writer writes any entry list — duplicated names, sizes that lie, stored or deflated — as told.
 */
import { deflateSync, inflateSync } from 'fflate';
import { crc32 } from 'zlib';

export interface ZipEntry {
  name: string;
  /** Uncompressed bytes. */
  data: Uint8Array;
}

export interface ZipLayout {
  name: string;
  method: number;
  /** Offset and length of the entry's compressed data in the file. */
  dataStart: number;
  dataLength: number;
}

/** Entries of a well-formed zip, inflated. */
export function readZip(buf: Uint8Array): ZipEntry[] {
  return layout(buf).map((e) => {
    const raw = buf.subarray(e.dataStart, e.dataStart + e.dataLength);
    return { name: e.name, data: e.method === 0 ? raw.slice() : inflateSync(raw) };
  });
}

/** Where each entry's compressed data lies (from the central directory). */
export function layout(buf: Uint8Array): ZipLayout[] {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip');
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const out: ZipLayout[] = [];
  for (let i = 0; i < count; i++) {
    const method = b.readUInt16LE(p + 10);
    const compressed = b.readUInt32LE(p + 20);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    const local = b.readUInt32LE(p + 42);
    const name = b.toString('utf8', p + 46, p + 46 + nameLen);
    const localNameLen = b.readUInt16LE(local + 26);
    const localExtraLen = b.readUInt16LE(local + 28);
    out.push({ name, method, dataStart: local + 30 + localNameLen + localExtraLen, dataLength: compressed });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export interface WriteEntry extends ZipEntry {
  /** 0 stored, 8 deflated (default). */
  method?: number;
  /** Sizes written in the headers instead of the true ones (a lying entry). */
  declaredSize?: number;
  declaredCrc?: number;
  /** Compressed bytes to write instead of deflating `data` (e.g. a bomb made once). */
  compressed?: Uint8Array;
}

/** A zip of the entries in order, names repeated if given twice. */
export function writeZip(entries: WriteEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const body = Buffer.from(e.compressed ?? (method === 0 ? e.data : deflateSync(e.data, { level: 6 })));
    const name = Buffer.from(e.name, 'utf8');
    const crc = e.declaredCrc ?? crc32(e.data) >>> 0;
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
