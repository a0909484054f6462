/**
 * A tiny hand-written .xlsx package for reader tests: the parts a workbook needs, written as XML text
 * here (not by our writer), plus any extra parts a test adds (charts, drawings, comments …).
 */
import { zipSync, strToU8 } from 'fflate';

export interface SheetXml {
  name: string;
  /** The worksheet part's XML (whole). */
  xml: string;
  state?: 'hidden' | 'veryHidden';
  /** Relationships of the sheet part (xl/worksheets/_rels/sheetN.xml.rels), whole XML. */
  rels?: string;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function sheetXml(rows: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${R}"><sheetData>${rows}</sheetData>${extra}</worksheet>`;
}

export function workbookParts(sheets: SheetXml[], opts: { sharedStrings?: string[]; styles?: string; contentTypes?: string[] } = {}): Record<string, string> {
  const parts: Record<string, string> = {};
  const overrides = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  parts['[Content_Types].xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    overrides.join('') +
    (opts.contentTypes ?? []).join('') +
    `</Types>`;
  parts['_rels/.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${R}"><sheets>` +
    sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('') +
    `</sheets></workbook>`;
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (opts.sharedStrings) rels.push(`<Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (opts.styles) rels.push(`<Relationship Id="rIdT" Type="${R}/styles" Target="styles.xml"/>`);
  parts['xl/_rels/workbook.xml.rels'] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
  sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = s.xml;
    if (s.rels) parts[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = s.rels;
  });
  if (opts.sharedStrings) {
    parts['xl/sharedStrings.xml'] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}" count="${opts.sharedStrings.length}" uniqueCount="${opts.sharedStrings.length}">` +
      opts.sharedStrings.map((t) => `<si><t>${t}</t></si>`).join('') +
      `</sst>`;
  }
  if (opts.styles) parts['xl/styles.xml'] = opts.styles;
  return parts;
}

/** Zips parts (deflated at the given level; 0 stores them). */
export function zipParts(parts: Record<string, string | Uint8Array>, level: 0 | 1 | 6 | 9 = 6): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(parts)) files[name] = typeof data === 'string' ? strToU8(data) : data;
  return Buffer.from(zipSync(files, { level }));
}
