/** The text-document entry of the input-format registry (src/adapters/inputs.ts): .txt and .tsv. */
import { createHash } from 'crypto';
import * as path from 'path';
import { readRegularFile } from '../file';
import type { InputFormat } from '../inputs';
import { readFail } from '../read-error';

/** Text documents are small: a 30-page plan is ~100 kB. */
const MAX_TEXT_BYTES = 32 * 1024 * 1024;

export const textInput: InputFormat = {
  id: 'text',
  extensions: ['.txt', '.tsv'],
  label: { ko: '텍스트 문서', en: 'text document' },
  // Folders are searched for workbooks only: a folder's notes and READMEs are not plans. Name a text document to check it.
  inFolders: false,
  annotatable: false,
  async read(source, name) {
    const file = typeof source === 'string' ? source : (name ?? 'document.txt');
    const buf = typeof source === 'string' ? await readRegularFile(source, { maxBytes: MAX_TEXT_BYTES }) : source;
    if (buf.length === 0) readFail('empty', '빈 파일입니다 (0바이트)', 'the file is empty (0 bytes)', file);
    const { textBytesToGrid } = await import('./read');
    const grid = textBytesToGrid(buf, path.basename(file));
    return { grid, sha256: createHash('sha256').update(buf).digest('hex'), bytes: buf.length, hiddenSheets: [] };
  },
};
