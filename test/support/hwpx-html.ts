/**
 * An .hwpx document as HTML, from the document's own structure (no 한글 runs here): the body's
 * paragraphs and tables (Contents/section0.xml: hp:p, hp:tbl, hp:tc with hp:cellAddr/hp:cellSpan/
 * hp:cellSz) styled by what header.xml declares for the ids they refer to (hh:charPr height/bold/colour,
 * hh:paraPr alignment, hh:borderFill borders and face colour). Used to render the README's picture of
 * an exported table; written for that, independent of the reader and the writer under test.
 */
import { unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';

interface CharPr {
  pt: number;
  bold: boolean;
  color: string;
}
interface BorderFill {
  border: boolean;
  fill: string | null;
}

function header(xml: string) {
  const charPr = new Map<string, CharPr>();
  const paraAlign = new Map<string, string>();
  const borderFill = new Map<string, BorderFill>();
  let cur: { kind: 'char' | 'para' | 'fill'; id: string } | null = null;
  const p = new SaxesParser({ xmlns: false });
  p.on('opentag', (t: SaxesTagPlain) => {
    const a = t.attributes as Record<string, string>;
    switch (t.name) {
      case 'hh:charPr':
        cur = { kind: 'char', id: a.id };
        charPr.set(a.id, { pt: Number(a.height) / 100, bold: false, color: a.textColor ?? '#000000' });
        break;
      case 'hh:bold':
        if (cur?.kind === 'char') charPr.get(cur.id)!.bold = true;
        break;
      case 'hh:paraPr':
        cur = { kind: 'para', id: a.id };
        break;
      case 'hh:align':
        if (cur?.kind === 'para') paraAlign.set(cur.id, a.horizontal.toLowerCase());
        break;
      case 'hh:borderFill':
        cur = { kind: 'fill', id: a.id };
        borderFill.set(a.id, { border: false, fill: null });
        break;
      case 'hh:leftBorder':
        if (cur?.kind === 'fill') borderFill.get(cur.id)!.border = a.type !== 'NONE';
        break;
      case 'hc:winBrush':
        if (cur?.kind === 'fill' && /^#[0-9A-Fa-f]{6}$/.test(a.faceColor)) borderFill.get(cur.id)!.fill = a.faceColor;
        break;
    }
  });
  p.write(xml).close();
  return { charPr, paraAlign, borderFill };
}

/** HWPUNIT (1/7200 inch) per CSS pixel: an A4 text width (42,520) becomes 850 px. */
const HWPUNIT_PER_PX = 50;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The document as an HTML page; `blocks` limits how many top-level paragraphs and tables are shown. */
export function hwpxToHtml(bytes: Uint8Array, blocks = Infinity): string {
  const parts = unzipSync(bytes);
  const h = header(new TextDecoder().decode(parts['Contents/header.xml']));
  const out: string[] = [];
  let depth = 0; // table nesting
  let shown = 0;
  const paras: { style: string; text: string }[] = [];
  let cell: { attrs: string; style: string; width: number; paras: string[] } | null = null;
  let inText = false;
  let charStyle = '';
  const p = new SaxesParser({ xmlns: false });
  const done = () => shown >= blocks;
  p.on('opentag', (t: SaxesTagPlain) => {
    const a = t.attributes as Record<string, string>;
    if (done()) return;
    switch (t.name) {
      case 'hp:p':
        paras.push({ style: `text-align:${h.paraAlign.get(a.paraPrIDRef) === 'right' ? 'right' : h.paraAlign.get(a.paraPrIDRef) === 'center' ? 'center' : 'left'}`, text: '' });
        break;
      case 'hp:run': {
        const c = h.charPr.get(a.charPrIDRef);
        charStyle = c ? `font-size:${c.pt}pt;font-weight:${c.bold ? 700 : 400};color:${c.color}` : '';
        break;
      }
      case 'hp:t':
        inText = true;
        break;
      case 'hp:tab':
        if (inText && paras.length) paras[paras.length - 1].text += ' ';
        break;
      case 'hp:tbl':
        depth++;
        out.push('<table>');
        break;
      case 'hp:tr':
        out.push('<tr>');
        break;
      case 'hp:tc': {
        const f = h.borderFill.get(a.borderFillIDRef);
        cell = { attrs: '', style: `${f?.border ? 'border:1px solid #000;' : ''}${f?.fill ? `background:${f.fill};` : ''}`, width: 0, paras: [] };
        break;
      }
      case 'hp:cellSpan':
        if (cell) cell.attrs = `${a.colSpan !== '1' ? ` colspan="${a.colSpan}"` : ''}${a.rowSpan !== '1' ? ` rowspan="${a.rowSpan}"` : ''}`;
        break;
      case 'hp:cellSz':
        if (cell) cell.width = Number(a.width);
        break;
    }
  });
  p.on('text', (s: string) => {
    if (inText && paras.length && !done()) paras[paras.length - 1].text += s;
  });
  p.on('closetag', (t: SaxesTagPlain) => {
    if (done() && t.name !== 'hs:sec') return;
    switch (t.name) {
      case 'hp:t':
        inText = false;
        break;
      case 'hp:p': {
        const para = paras.pop();
        if (!para) break;
        if (cell) cell.paras.push(`<div style="${para.style};${charStyle}">${esc(para.text) || '&nbsp;'}</div>`);
        else if (depth === 0) {
          if (para.text !== '') out.push(`<p style="${para.style};${charStyle}">${esc(para.text)}</p>`);
          shown++;
        }
        break;
      }
      case 'hp:tc':
        if (cell) out.push(`<td${cell.attrs} style="${cell.style}width:${cell.width / HWPUNIT_PER_PX}px">${cell.paras.join('')}</td>`);
        cell = null;
        break;
      case 'hp:tr':
        out.push('</tr>');
        break;
      case 'hp:tbl':
        depth--;
        out.push('</table>');
        break;
    }
  });
  p.write(new TextDecoder().decode(parts['Contents/section0.xml'])).close();
  return (
    '<!doctype html><html lang="ko"><head><meta charset="utf-8"><style>' +
    'body{margin:24px;font-family:"Noto Sans CJK KR","Noto Sans KR",sans-serif;background:#fff;width:850px}' +
    'p{margin:4px 0}table{border-collapse:collapse;margin:2px 0 10px;table-layout:fixed}td{padding:2px 6px;vertical-align:middle;line-height:1.35}' +
    `</style></head><body>${out.join('')}</body></html>`
  );
}
