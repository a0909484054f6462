/**
 * The test's own small .hwpx writer (independent of src/adapters/hwpx/write.ts): a text document with
 * tab-separated tables (as the seeds are) becomes a 한글 document in the document's own layout, inside a
 * package 한글 itself saved (../shared/hwpx-samples): its mimetype, version, header.xml, settings and
 * manifests are kept, only Contents/section0.xml is replaced.
 *
 * - lines without a tab are paragraphs; a run of two or more tab-separated lines is a table (a single
 *   tab line is a paragraph with a tab, as in 한글);
 * - merged cells as 한글 writes them: the covered cells are left out and the top-left cell carries
 *   `hp:cellSpan`. An empty field in the first row merges into the header on its left (목표 over the
 *   years, 세부사업명 over two columns); an empty field below text merges into the cell above when it
 *   stands before the row's figures or the row has none (세부사업 names over 성과목표/소요예산, the
 *   second header row under 구 분);
 * - every top-level paragraph records its line position (`hp:lineseg vertpos`), starting again at the
 *   top every `linesPerPage` paragraphs, the way 한글 records page starts.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export const SAMPLE = path.resolve(__dirname, '../../../shared/hwpx-samples/reader_writer-SimpleTable.hwpx');

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const isFigure = (s: string) => /^(?:[△-]?\d[\d,]*(?:\.\d+)?|-)$/.test(s.trim());

function run(text: string): string {
  return `<hp:run charPrIDRef="0"><hp:t>${text.split('\t').map(esc).join('<hp:tab/>')}</hp:t></hp:run>`;
}

function paragraph(text: string, vertpos: number | null, paraPr = 3): string {
  const lines = vertpos === null ? '' : `<hp:linesegarray><hp:lineseg textpos="0" vertpos="${vertpos}" vertsize="1000" textheight="1000" baseline="850" spacing="600" horzpos="0" horzsize="42520" flags="393216"/></hp:linesegarray>`;
  return `<hp:p id="0" paraPrIDRef="${paraPr}" styleIDRef="0" pageBreak="0" columnBreak="0" merged="0">${text === '' ? '<hp:run charPrIDRef="0"/>' : run(text)}${lines}</hp:p>`;
}

interface Cell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

/** Tab-separated lines → cells with spans, the covered positions left out. */
export function tableCells(lines: string[]): { cells: Cell[]; cols: number } {
  const fields = lines.map((l) => l.split('\t').map((f) => f.trim()));
  const cols = Math.max(...fields.map((f) => f.length));
  const owner: (Cell | null)[][] = fields.map(() => Array(cols).fill(null));
  const cells: Cell[] = [];
  fields.forEach((row, r) => {
    const firstFigure = row.findIndex(isFigure);
    for (let c = 0; c < cols; c++) {
      const text = row[c] ?? '';
      if (text === '') {
        const left = c > 0 ? owner[r][c - 1] : null;
        const above = r > 0 ? owner[r - 1][c] : null;
        if (r === 0 && left && left.text !== '' && left.row === 0) {
          left.colSpan = c - left.col + 1;
          owner[r][c] = left;
          continue;
        }
        if (above && above.text !== '' && !isFigure(above.text) && above.col === c && above.colSpan === 1 && (firstFigure < 0 || c < firstFigure)) {
          above.rowSpan = r - above.row + 1;
          owner[r][c] = above;
          continue;
        }
      }
      const cell = { row: r, col: c, rowSpan: 1, colSpan: 1, text };
      cells.push(cell);
      owner[r][c] = cell;
    }
  });
  return { cells, cols };
}

function table(lines: string[], vertpos: number | null, id: number): string {
  const { cells, cols } = tableCells(lines);
  const rows = lines.map((_, r) => cells.filter((c) => c.row === r));
  const tc = (c: Cell) =>
    `<hp:tc name="" header="0" hasMargin="0" protect="0" editable="0" dirty="0" borderFillIDRef="3"><hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" vertAlign="CENTER" linkListIDRef="0" linkListNextIDRef="0" textWidth="0" textHeight="0" hasTextRef="0" hasNumRef="0">` +
    // A cell's text may span lines (<br> in the extraction): one 한글 paragraph per line.
    c.text.split(/<br\s*\/?>/i).map((t) => paragraph(t, null, 16)).join('') +
    `</hp:subList><hp:cellAddr colAddr="${c.col}" rowAddr="${c.row}"/><hp:cellSpan colSpan="${c.colSpan}" rowSpan="${c.rowSpan}"/><hp:cellSz width="${4000 * c.colSpan}" height="${1400 * c.rowSpan}"/><hp:cellMargin left="510" right="510" top="141" bottom="141"/></hp:tc>`;
  const tbl =
    `<hp:tbl id="${id}" zOrder="${id}" numberingType="TABLE" textWrap="TOP_AND_BOTTOM" textFlow="BOTH_SIDES" lock="0" dropcapstyle="None" pageBreak="CELL" repeatHeader="1" rowCnt="${lines.length}" colCnt="${cols}" cellSpacing="0" borderFillIDRef="3" noAdjust="0">` +
    `<hp:sz width="${4000 * cols}" widthRelTo="ABSOLUTE" height="${1400 * lines.length}" heightRelTo="ABSOLUTE" protect="0"/><hp:pos treatAsChar="0" affectLSpacing="0" flowWithText="1" allowOverlap="0" holdAnchorAndSO="0" vertRelTo="PARA" horzRelTo="COLUMN" vertAlign="TOP" horzAlign="LEFT" vertOffset="0" horzOffset="0"/><hp:outMargin left="283" right="283" top="283" bottom="283"/><hp:inMargin left="510" right="510" top="141" bottom="141"/>` +
    rows.map((r) => `<hp:tr>${r.map(tc).join('')}</hp:tr>`).join('') +
    `</hp:tbl>`;
  const lineseg = vertpos === null ? '' : `<hp:linesegarray><hp:lineseg textpos="0" vertpos="${vertpos}" vertsize="1000" textheight="1000" baseline="850" spacing="600" horzpos="0" horzsize="0" flags="393216"/></hp:linesegarray>`;
  return `<hp:p id="0" paraPrIDRef="3" styleIDRef="0" pageBreak="0" columnBreak="0" merged="0"><hp:run charPrIDRef="0">${tbl}<hp:t/></hp:run>${lineseg}</hp:p>`;
}

/** The section XML for a text document; `linesPerPage` paragraphs (a table counts as one) fill a page. */
export function sectionFromText(text: string, opts: { linesPerPage?: number; sample?: string } = {}): string {
  const perPage = opts.linesPerPage ?? 40;
  const sample = unzipSync(new Uint8Array(readFileSync(opts.sample ?? SAMPLE)));
  const original = new TextDecoder().decode(sample['Contents/section0.xml']);
  // The sample's own opening (namespaces) and its first paragraph's section properties.
  const open = original.slice(0, original.indexOf('<hp:p '));
  const secPr = /<hp:secPr[\s\S]*?<\/hp:secPr><hp:ctrl>[\s\S]*?<\/hp:ctrl>/.exec(original)![0];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const body: string[] = [`<hp:p id="0" paraPrIDRef="3" styleIDRef="0" pageBreak="0" columnBreak="0" merged="0"><hp:run charPrIDRef="0">${secPr}</hp:run><hp:linesegarray><hp:lineseg textpos="0" vertpos="0" vertsize="1000" textheight="1000" baseline="850" spacing="600" horzpos="0" horzsize="42520" flags="393216"/></hp:linesegarray></hp:p>`];
  let k = 1;
  let tableId = 0;
  const vert = () => (k++ % perPage) * 1600;
  for (let i = 0; i < lines.length; ) {
    if (lines[i].includes('\t') && lines[i + 1]?.includes('\t')) {
      let j = i;
      while (j < lines.length && lines[j].includes('\t')) j++;
      body.push(table(lines.slice(i, j), vert(), ++tableId));
      i = j;
    } else {
      body.push(paragraph(lines[i].trim(), vert()));
      i++;
    }
  }
  return `${open}${body.join('')}</hs:sec>`;
}

/** A whole .hwpx: the sample's package with this section. */
export function hwpxFromText(text: string, opts: { linesPerPage?: number; sample?: string } = {}): Uint8Array {
  const sample = unzipSync(new Uint8Array(readFileSync(opts.sample ?? SAMPLE)));
  const files: Zippable = {};
  for (const [name, data] of Object.entries(sample)) files[name] = name === 'mimetype' || name === 'version.xml' ? [data, { level: 0 }] : data;
  files['Contents/section0.xml'] = strToU8(sectionFromText(text, opts));
  // Preview/PrvText.txt and PrvImage.png stay the sample's: 한글 regenerates them, no reader uses them.
  return zipSync(files);
}
