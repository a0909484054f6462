/** Which lone files are checked in the main thread (no worker): small ones, judged by what they are. */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { IN_PROCESS_LIMITS, checksInMainThread } from '../../src/cli/pool';
import { storedZip } from '../support/fixtures';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'jt-main-thread-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A one-entry zip (the fixtures' writer) whose central directory then records `recordedSize` as the entry's inflated size. */
function zipRecording(name: string, data: string, recordedSize: number): Buffer {
  const zip = storedZip({ [name]: data });
  const central = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  zip.writeUInt32LE(recordedSize, central + 24);
  return zip;
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
    const data = '<worksheet/>';
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
