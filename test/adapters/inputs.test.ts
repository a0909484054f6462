import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { INPUT_FORMATS, folderExtensions, formatOf, readInput } from '../../src/adapters/inputs';
import { readRegularFile } from '../../src/adapters/file';
import { InputReadError } from '../../src/adapters/read-error';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

describe('input-format registry', () => {
  it('every format has an id, dotted lower-case extensions and a reader', () => {
    const ids = INPUT_FORMATS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of INPUT_FORMATS) {
      expect(f.extensions.length).toBeGreaterThan(0);
      for (const e of f.extensions) expect(e).toMatch(/^\.[a-z0-9]+$/);
      expect(typeof f.read).toBe('function');
    }
  });

  it('selects the format by extension, case-insensitively', () => {
    expect(formatOf('계획.xlsx')?.id).toBe('xlsx');
    expect(formatOf('/a/b/PLAN.XLSX')?.id).toBe('xlsx');
    expect(formatOf('notes.docx')).toBeUndefined();
    expect(folderExtensions()).toContain('.xlsx');
  });

  it('reads a workbook by path and by bytes to the same grid', async () => {
    const file = path.join(FIXTURES, 'example.xlsx');
    const byPath = await readInput(file);
    const byBytes = await readInput(byPath.buffer!, 'example.xlsx');
    expect(byPath.format).toBe('xlsx');
    expect(byBytes.grid).toEqual(byPath.grid);
    expect(byBytes.sha256).toBe(byPath.sha256);
    expect(byPath.bytes).toBe(byPath.buffer!.length);
  });

  it('a file of unknown extension is judged by its bytes', async () => {
    await expect(readInput(path.join(FIXTURES, 'broken', 'legacy.xls'))).rejects.toBeInstanceOf(InputReadError);
  });
});

describe('only regular files are opened', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'jt-inputs-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('a FIFO given by name is one clear error, not a hang', async () => {
    const fifo = path.join(tmp, 'x.xlsx');
    execFileSync('mkfifo', [fifo]);
    await expect(readInput(fifo)).rejects.toMatchObject({ code: 'not-a-file', file: fifo });
  });

  it('a name longer than the system allows is one clear line, not its error code', async () => {
    const long = path.join(tmp, `${'가'.repeat(200)}.xlsx`); // 600 bytes in UTF-8: past NAME_MAX (255)
    const e = await readInput(long).then(() => null, (x: Error & { code?: string }) => x);
    expect(e).toMatchObject({ code: 'not-found' });
    expect(e!.message).toContain('파일 이름이나 경로가 너무 깁니다');
    expect(e!.message).not.toContain('ENAMETOOLONG');
  });

  it('a link to /dev/zero is refused unread', async () => {
    const zero = path.join(tmp, 'zero.xlsx');
    symlinkSync('/dev/zero', zero);
    await expect(readInput(zero)).rejects.toMatchObject({ code: 'not-a-file' });
  });

  it('the first bytes can refuse a file before it is read whole, and a size limit applies', async () => {
    const file = path.join(FIXTURES, 'example.xlsx');
    const seen: number[] = [];
    await expect(
      readRegularFile(file, {
        head: (first) => {
          seen.push(first.length);
          throw new InputReadError('not-xlsx', '아님', 'no', file);
        },
      }),
    ).rejects.toMatchObject({ code: 'not-xlsx' });
    expect(seen).toEqual([8]);
    await expect(readRegularFile(file, { maxBytes: 100 })).rejects.toMatchObject({ code: 'too-large' });
  });
});
