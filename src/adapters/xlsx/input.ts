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

/**
 * .xlsm: an .xlsx with a macro project. Read like .xlsx (its macros are never run). Its annotated copy
 * is `<name>.검증.xlsm`: the original package with our additions, the VBA project and the macro-enabled
 * content type kept byte for byte (src/adapters/xlsx/annotate.ts; docs/cli.md, Annotated copies).
 */
export const xlsmInput: InputFormat = {
  ...xlsxInput,
  id: 'xlsm',
  extensions: ['.xlsm'],
  label: { ko: 'Excel 매크로 사용 통합 문서', en: 'Excel macro-enabled workbook' },
};
