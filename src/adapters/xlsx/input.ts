/** The .xlsx entry of the input-format registry (src/adapters/inputs.ts). The reader is loaded on first use. */
import type { InputFormat } from '../inputs';

export const xlsxInput: InputFormat = {
  id: 'xlsx',
  extensions: ['.xlsx'],
  label: { ko: 'Excel 통합 문서', en: 'Excel workbook' },
  inFolders: true,
  annotatable: true,
  async read(source, name) {
    const reader = await import('./read');
    const r = typeof source === 'string' ? await reader.readXlsxFile(source) : await reader.readXlsxBuffer(source, name);
    return { grid: r.grid, sha256: r.sha256, bytes: r.bytes, hiddenSheets: r.hiddenSheets, buffer: r.buffer };
  },
};
