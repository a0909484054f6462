/** Which lone files are checked in the main thread (no worker): small ones, judged by what they are. */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { crc32 } from 'zlib';
import { IN_PROCESS_LIMITS, checksInMainThread } from '../../src/cli/pool';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'jt-main-thread-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A one-entry stored zip whose directory records `recordedSize` as the entry's inflated size (the test's own writer). */
function zipRecording(name: string, data: Buffer, recordedSize: number): Buffer {
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc32(data) >>> 0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(recordedSize, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc32(data) >>> 0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(recordedSize, 24);
  central.writeUInt16LE(n.length, 28);
  const cdOffset = local.length + n.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + n.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, n, data, central, n, end]);
}

describe('checksInMainThread', () => {
  it('takes the small example workbook and a small text plan', async () => {
    expect(await checksInMainThread(path.join(FIXTURES, 'example.xlsx'))).toBe(true);
    const txt = path.join(tmp, 'plan.txt');
    writeFileSync(txt, '전략분야\t2023\n');
    expect(await checksInMainThread(txt)).toBe(true);
  });

  it('leaves a file larger on disk than the limit to a worker', async () => {
    const big = path.join(tmp, 'big.xlsx');
    writeFileSync(big, Buffer.alloc(IN_PROCESS_LIMITS.maxFileBytes + 1, 0x41));
    expect(await checksInMainThread(big)).toBe(false);
  });

  it('leaves a small zip whose directory records more than the limit inflated to a worker', async () => {
    const data = Buffer.from('<worksheet/>');
    const bomb = path.join(tmp, 'bomb.xlsx');
    writeFileSync(bomb, zipRecording('xl/worksheets/sheet1.xml', data, IN_PROCESS_LIMITS.maxInflatedBytes + 1));
    expect(await checksInMainThread(bomb)).toBe(false);
    const fine = path.join(tmp, 'fine.xlsx');
    writeFileSync(fine, zipRecording('xl/worksheets/sheet1.xml', data, IN_PROCESS_LIMITS.maxInflatedBytes));
    expect(await checksInMainThread(fine)).toBe(true);
  });

  it('takes what is not a file at all: the reader refuses it at once', async () => {
    expect(await checksInMainThread(path.join(tmp, 'missing.xlsx'))).toBe(true);
    expect(await checksInMainThread(tmp)).toBe(true);
  });
});
