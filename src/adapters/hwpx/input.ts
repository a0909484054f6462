/**
 * The 한글 entry of the input-format registry (src/adapters/inputs.ts): .hwpx documents, and .hwp (the
 * older binary format), which gets one line saying how to save it as .hwpx. The reader loads on first use.
 */
import * as path from 'path';
import { readRegularFile } from '../file';
import type { InputFormat } from '../inputs';
import { InputReadError } from '../read-error';

export const hwpxInput: InputFormat = {
  id: 'hwpx',
  extensions: ['.hwpx', '.hwp'],
  label: { ko: '한글 문서', en: '한글 (Hancom) document' },
  inFolders: true,
  annotatable: false,
  async read(source, name) {
    const file = typeof source === 'string' ? source : (name ?? 'document.hwpx');
    const buf = typeof source === 'string' ? await readRegularFile(source) : source;
    const { readHwpxBuffer } = await import('./read');
    try {
      const r = readHwpxBuffer(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), path.basename(file));
      return { grid: r.grid, sha256: r.sha256, bytes: r.bytes, hiddenSheets: [] };
    } catch (e) {
      if (e instanceof InputReadError) throw new InputReadError(e.code, e.ko, e.en, file);
      throw e;
    }
  },
};
