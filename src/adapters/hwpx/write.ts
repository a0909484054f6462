/**
 * Writes a document model (core/document) as an .hwpx package shaped like the ones 한글 saves
 * (compared against ../shared/hwpx-samples): `mimetype` first and stored, version.xml,
 * Contents/header.xml, Contents/section0.xml, Preview/PrvText.txt, settings.xml,
 * META-INF/container.xml, Contents/content.hpf (manifest and spine), META-INF/manifest.xml.
 *
 * header.xml holds exactly the fonts, border fills (borders and header/total shading), character and
 * paragraph shapes the body refers to, built from the template's styles. Browser-safe: fflate and
 * strings only, so the task pane builds the same file.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { DocBlock, DocCell, DocModel, DocParagraph, DocTable } from '../../core/document/model';
import { STYLES, type CellStyle, type StyleName } from '../../core/template/styles';

const NS =
  'xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app" xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" xmlns:hp10="http://www.hancom.co.kr/hwpml/2016/paragraph" xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" xmlns:hc="http://www.hancom.co.kr/hwpml/2011/core" xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head" xmlns:hhs="http://www.hancom.co.kr/hwpml/2011/history" xmlns:hm="http://www.hancom.co.kr/hwpml/2011/master-page" xmlns:hpf="http://www.hancom.co.kr/schema/2011/hpf" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf/" xmlns:ooxmlchart="http://www.hancom.co.kr/hwpml/2016/ooxmlchart" xmlns:hwpunitchar="http://www.hancom.co.kr/hwpml/2016/HwpUnitChar" xmlns:epub="http://www.idpf.org/2007/ops" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>';

/** A4 portrait in HWPUNIT (1/7200 inch), with 한글's default margins: text width 42,520. */
const PAGE = { width: 59528, height: 84188, left: 8504, right: 8504, top: 5668, bottom: 4252, header: 4252, footer: 4252 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const CELL_MARGIN = { left: 510, right: 510, top: 141, bottom: 141 };
const ROW_HEIGHT = 1800;
const FONT = '함초롬돋움';

export interface HwpxWriteOptions {
  /** Written into content.hpf; fixed in tests so the file is reproducible. */
  date?: Date;
  creator?: string;
}

/** Text for XML: escaped, and without the characters XML 1.0 does not allow (C0 controls, U+FFFE, U+FFFF), which 한글 would refuse. */
function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

type ParaStyle = DocParagraph['style'];

/** Shapes of the body, collected while writing it, then declared in header.xml. */
class Shapes {
  readonly charPrs: { height: number; bold: boolean; color: string }[] = [];
  readonly paraPrs: { align: 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFY'; next: number }[] = [];
  /** 1: no border (page), 2: no border (character), 3+: table cells. */
  readonly borderFills: { border: boolean; fill: string | null }[] = [
    { border: false, fill: null },
    { border: false, fill: null },
  ];

  charPr(height: number, bold: boolean, color: string): number {
    let i = this.charPrs.findIndex((c) => c.height === height && c.bold === bold && c.color === color);
    if (i < 0) i = this.charPrs.push({ height, bold, color }) - 1;
    return i;
  }
  paraPr(align: 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFY', next = 0): number {
    let i = this.paraPrs.findIndex((p) => p.align === align && p.next === next);
    if (i < 0) i = this.paraPrs.push({ align, next }) - 1;
    return i;
  }
  borderFill(border: boolean, fill: string | null): number {
    let i = this.borderFills.findIndex((b, k) => k >= 2 && b.border === border && b.fill === fill);
    if (i < 0) i = this.borderFills.push({ border, fill }) - 1;
    return i + 1; // borderFill ids are 1-based
  }
}

const styleOf = (name: StyleName | 'body'): CellStyle => (name === 'body' ? {} : STYLES[name]);
const height = (s: CellStyle, dflt: number) => Math.round((s.fontSize ?? dflt) * 100);
const color = (s: CellStyle) => `#${s.fontColor ?? '000000'}`;

function paragraphXml(shapes: Shapes, text: string, paraPr: number, charPr: number, inner = ''): string {
  const runs = text
    .split('\t')
    .map((part, i) => (i ? '<hp:tab/>' : '') + esc(part))
    .join('');
  return `<hp:p id="0" paraPrIDRef="${paraPr}" styleIDRef="0" pageBreak="0" columnBreak="0" merged="0"><hp:run charPrIDRef="${charPr}">${inner}<hp:t>${runs}</hp:t></hp:run></hp:p>`;
}

function blockParagraph(shapes: Shapes, p: DocParagraph): string {
  const s = styleOf(p.style);
  const align = s.hAlign === 'right' ? 'RIGHT' : s.hAlign === 'center' ? 'CENTER' : 'JUSTIFY';
  // Titles keep some air below them; the unit line sits right above its table.
  const next = p.style === 'title' ? 1400 : p.style === 'subtitle' ? 400 : 0;
  return paragraphXml(shapes, p.text, shapes.paraPr(align, next), shapes.charPr(height(s, 10), s.bold === true, color(s)));
}

function columnWidths(t: DocTable): number[] {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const width = TEXT_WIDTH - 566; // the table's outer margins
  const widths = t.widths.map((w) => Math.floor((w / total) * width));
  widths[widths.length - 1] += width - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function cellXml(shapes: Shapes, c: DocCell, t: DocTable, widths: number[]): string {
  const s = STYLES[c.style] as CellStyle;
  const align = s.hAlign === 'right' ? 'RIGHT' : s.hAlign === 'left' ? 'LEFT' : s.hAlign === 'center' || c.style === 'header' ? 'CENTER' : 'LEFT';
  const paraPr = shapes.paraPr(align);
  const charPr = shapes.charPr(height(s, 9), s.bold === true, color(s));
  const fill = shapes.borderFill(true, s.fill ?? null);
  const width = widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
  const lines = c.text === '' ? [''] : c.text.split('\n');
  const paras = lines.map((line) => paragraphXml(shapes, line, paraPr, charPr)).join('');
  const header = c.row < t.headerRows ? 1 : 0;
  return (
    `<hp:tc name="" header="${header}" hasMargin="0" protect="0" editable="0" dirty="0" borderFillIDRef="${fill}">` +
    `<hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" vertAlign="CENTER" linkListIDRef="0" linkListNextIDRef="0" textWidth="0" textHeight="0" hasTextRef="0" hasNumRef="0">${paras}</hp:subList>` +
    `<hp:cellAddr colAddr="${c.col}" rowAddr="${c.row}"/><hp:cellSpan colSpan="${c.colSpan}" rowSpan="${c.rowSpan}"/>` +
    `<hp:cellSz width="${width}" height="${ROW_HEIGHT * c.rowSpan}"/>` +
    `<hp:cellMargin left="${CELL_MARGIN.left}" right="${CELL_MARGIN.right}" top="${CELL_MARGIN.top}" bottom="${CELL_MARGIN.bottom}"/></hp:tc>`
  );
}

function tableXml(shapes: Shapes, t: DocTable, id: number): string {
  const widths = columnWidths(t);
  const rows = Array.from({ length: t.rows }, (_, r) => t.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col));
  const border = shapes.borderFill(true, null);
  const tbl =
    `<hp:tbl id="${id}" zOrder="${id}" numberingType="TABLE" textWrap="TOP_AND_BOTTOM" textFlow="BOTH_SIDES" lock="0" dropcapstyle="None" pageBreak="CELL" repeatHeader="${t.headerRows > 0 ? 1 : 0}" rowCnt="${t.rows}" colCnt="${t.cols}" cellSpacing="0" borderFillIDRef="${border}" noAdjust="0">` +
    `<hp:sz width="${TEXT_WIDTH - 566}" widthRelTo="ABSOLUTE" height="${ROW_HEIGHT * t.rows}" heightRelTo="ABSOLUTE" protect="0"/>` +
    `<hp:pos treatAsChar="0" affectLSpacing="0" flowWithText="1" allowOverlap="0" holdAnchorAndSO="0" vertRelTo="PARA" horzRelTo="COLUMN" vertAlign="TOP" horzAlign="LEFT" vertOffset="0" horzOffset="0"/>` +
    `<hp:outMargin left="283" right="283" top="283" bottom="283"/><hp:inMargin left="${CELL_MARGIN.left}" right="${CELL_MARGIN.right}" top="${CELL_MARGIN.top}" bottom="${CELL_MARGIN.bottom}"/>` +
    rows.map((cells) => `<hp:tr>${cells.map((c) => cellXml(shapes, c, t, widths)).join('')}</hp:tr>`).join('') +
    `</hp:tbl>`;
  return `<hp:p id="0" paraPrIDRef="${shapes.paraPr('JUSTIFY')}" styleIDRef="0" pageBreak="0" columnBreak="0" merged="0"><hp:run charPrIDRef="${shapes.charPr(1000, false, '#000000')}">${tbl}<hp:t/></hp:run></hp:p>`;
}

/** Section properties (page size, margins, one column), carried by the first paragraph as 한글 writes them. */
function sectionProperties(): string {
  return (
    `<hp:secPr id="" textDirection="HORIZONTAL" spaceColumns="1134" tabStop="8000" tabStopVal="4000" tabStopUnit="HWPUNIT" outlineShapeIDRef="0" memoShapeIDRef="0" textVerticalWidthHead="0" masterPageCnt="0">` +
    `<hp:grid lineGrid="0" charGrid="0" wonggojiFormat="0"/><hp:startNum pageStartsOn="BOTH" page="0" pic="0" tbl="0" equation="0"/>` +
    `<hp:visibility hideFirstHeader="0" hideFirstFooter="0" hideFirstMasterPage="0" border="SHOW_ALL" fill="SHOW_ALL" hideFirstPageNum="0" hideFirstEmptyLine="0" showLineNumber="0"/>` +
    `<hp:lineNumberShape restartType="0" countBy="0" distance="0" startNumber="0"/>` +
    `<hp:pagePr landscape="WIDELY" width="${PAGE.width}" height="${PAGE.height}" gutterType="LEFT_ONLY"><hp:margin header="${PAGE.header}" footer="${PAGE.footer}" gutter="0" left="${PAGE.left}" right="${PAGE.right}" top="${PAGE.top}" bottom="${PAGE.bottom}"/></hp:pagePr>` +
    `<hp:footNotePr><hp:autoNumFormat type="DIGIT" userChar="" prefixChar="" suffixChar=")" supscript="0"/><hp:noteLine length="-1" type="SOLID" width="0.12 mm" color="#000000"/><hp:noteSpacing betweenNotes="283" belowLine="567" aboveLine="850"/><hp:numbering type="CONTINUOUS" newNum="1"/><hp:placement place="EACH_COLUMN" beneathText="0"/></hp:footNotePr>` +
    `<hp:endNotePr><hp:autoNumFormat type="DIGIT" userChar="" prefixChar="" suffixChar=")" supscript="0"/><hp:noteLine length="14692344" type="SOLID" width="0.12 mm" color="#000000"/><hp:noteSpacing betweenNotes="0" belowLine="567" aboveLine="850"/><hp:numbering type="CONTINUOUS" newNum="1"/><hp:placement place="END_OF_DOCUMENT" beneathText="0"/></hp:endNotePr>` +
    ['BOTH', 'EVEN', 'ODD']
      .map((type) => `<hp:pageBorderFill type="${type}" borderFillIDRef="1" textBorder="PAPER" headerInside="0" footerInside="0" fillArea="PAPER"><hp:offset left="1417" right="1417" top="1417" bottom="1417"/></hp:pageBorderFill>`)
      .join('') +
    `</hp:secPr><hp:ctrl><hp:colPr id="" type="NEWSPAPER" layout="LEFT" colCount="1" sameSz="1" sameGap="0"/></hp:ctrl>`
  );
}

function sectionXml(shapes: Shapes, blocks: DocBlock[]): string {
  const parts: string[] = [];
  let tableId = 0;
  blocks.forEach((b, i) => {
    let xml = b.kind === 'paragraph' ? blockParagraph(shapes, b) : tableXml(shapes, b, ++tableId);
    if (i === 0) xml = xml.replace(/(<hp:run charPrIDRef="\d+">)/, `$1${sectionProperties()}`);
    parts.push(xml);
    // An empty line after each table, as in the published plans.
    if (b.kind === 'table') parts.push(paragraphXml(shapes, '', shapes.paraPr('JUSTIFY'), shapes.charPr(1000, false, '#000000')));
  });
  if (parts.length === 0) parts.push(paragraphXml(shapes, '', shapes.paraPr('JUSTIFY'), shapes.charPr(1000, false, '#000000'), sectionProperties()));
  return `${XML_DECL}<hs:sec ${NS}>${parts.join('')}</hs:sec>`;
}

const LANGS = ['HANGUL', 'LATIN', 'HANJA', 'JAPANESE', 'OTHER', 'SYMBOL', 'USER'];
const perLang = (v: string | number) => LANGS.map((l) => `${l.toLowerCase()}="${v}"`).join(' ');

function borderFillXml(id: number, b: { border: boolean; fill: string | null }): string {
  const line = (side: string) => `<hh:${side} type="${b.border ? 'SOLID' : 'NONE'}" width="${b.border ? '0.12 mm' : '0.1 mm'}" color="#000000"/>`;
  const fill = b.fill ? `<hc:fillBrush><hc:winBrush faceColor="#${b.fill}" hatchColor="#999999" alpha="0"/></hc:fillBrush>` : id === 2 ? '<hc:fillBrush><hc:winBrush faceColor="none" hatchColor="#FF000000" alpha="0"/></hc:fillBrush>' : '';
  return (
    `<hh:borderFill id="${id}" threeD="0" shadow="0" centerLine="NONE" breakCellSeparateLine="0"><hh:slash type="NONE" Crooked="0" isCounter="0"/><hh:backSlash type="NONE" Crooked="0" isCounter="0"/>` +
    `${line('leftBorder')}${line('rightBorder')}${line('topBorder')}${line('bottomBorder')}<hh:diagonal type="SOLID" width="0.1 mm" color="#000000"/>${fill}</hh:borderFill>`
  );
}

function charPrXml(id: number, c: { height: number; bold: boolean; color: string }): string {
  return (
    `<hh:charPr id="${id}" height="${c.height}" textColor="${c.color}" shadeColor="none" useFontSpace="0" useKerning="0" symMark="NONE" borderFillIDRef="2">` +
    `<hh:fontRef ${perLang(0)}/><hh:ratio ${perLang(100)}/><hh:spacing ${perLang(0)}/><hh:relSz ${perLang(100)}/><hh:offset ${perLang(0)}/>` +
    `${c.bold ? '<hh:bold/>' : ''}<hh:underline type="NONE" shape="SOLID" color="#000000"/><hh:strikeout shape="NONE" color="#000000"/><hh:outline type="NONE"/><hh:shadow type="NONE" color="#B2B2B2" offsetX="10" offsetY="10"/></hh:charPr>`
  );
}

function paraPrXml(id: number, p: { align: string; next: number }): string {
  const margin = `<hh:margin><hc:intent value="0" unit="HWPUNIT"/><hc:left value="0" unit="HWPUNIT"/><hc:right value="0" unit="HWPUNIT"/><hc:prev value="0" unit="HWPUNIT"/><hc:next value="${p.next}" unit="HWPUNIT"/></hh:margin><hh:lineSpacing type="PERCENT" value="160" unit="HWPUNIT"/>`;
  return (
    `<hh:paraPr id="${id}" tabPrIDRef="0" condense="0" fontLineHeight="0" snapToGrid="1" suppressLineNumbers="0" checked="0">` +
    `<hh:align horizontal="${p.align}" vertical="BASELINE"/><hh:heading type="NONE" idRef="0" level="0"/>` +
    `<hh:breakSetting breakLatinWord="KEEP_WORD" breakNonLatinWord="BREAK_WORD" widowOrphan="0" keepWithNext="0" keepLines="0" pageBreakBefore="0" lineWrap="BREAK"/>` +
    `<hh:autoSpacing eAsianEng="0" eAsianNum="0"/>` +
    `<hp:switch><hp:case hp:required-namespace="http://www.hancom.co.kr/hwpml/2016/HwpUnitChar">${margin}</hp:case><hp:default>${margin}</hp:default></hp:switch>` +
    `<hh:border borderFillIDRef="2" offsetLeft="0" offsetRight="0" offsetTop="0" offsetBottom="0" connect="0" ignoreMargin="0"/></hh:paraPr>`
  );
}

function headerXml(shapes: Shapes): string {
  const font = `<hh:font id="0" face="${FONT}" type="TTF" isEmbedded="0"><hh:typeInfo familyType="FCAT_GOTHIC" weight="6" proportion="4" contrast="0" strokeVariation="1" armStyle="1" letterform="1" midline="1" xHeight="1"/></hh:font>`;
  return (
    `${XML_DECL}<hh:head ${NS} version="1.4" secCnt="1">` +
    `<hh:beginNum page="1" footnote="1" endnote="1" pic="1" tbl="1" equation="1"/><hh:refList>` +
    `<hh:fontfaces itemCnt="${LANGS.length}">${LANGS.map((l) => `<hh:fontface lang="${l}" fontCnt="1">${font}</hh:fontface>`).join('')}</hh:fontfaces>` +
    `<hh:borderFills itemCnt="${shapes.borderFills.length}">${shapes.borderFills.map((b, i) => borderFillXml(i + 1, b)).join('')}</hh:borderFills>` +
    `<hh:charProperties itemCnt="${shapes.charPrs.length}">${shapes.charPrs.map((c, i) => charPrXml(i, c)).join('')}</hh:charProperties>` +
    `<hh:tabProperties itemCnt="1"><hh:tabPr id="0" autoTabLeft="0" autoTabRight="0"/></hh:tabProperties>` +
    `<hh:paraProperties itemCnt="${shapes.paraPrs.length}">${shapes.paraPrs.map((p, i) => paraPrXml(i, p)).join('')}</hh:paraProperties>` +
    `<hh:styles itemCnt="1"><hh:style id="0" type="PARA" name="바탕글" engName="Normal" paraPrIDRef="0" charPrIDRef="0" nextStyleIDRef="0" langID="1042" lockForm="0"/></hh:styles>` +
    `</hh:refList><hh:compatibleDocument targetProgram="HWP201X"><hh:layoutCompatibility/></hh:compatibleDocument>` +
    `<hh:docOption><hh:linkinfo path="" pageInherit="0" footnoteInherit="0"/></hh:docOption><hh:trackchageConfig flags="56"/></hh:head>`
  );
}

/** The preview text 한글 stores beside the body: paragraphs as lines, table rows as <cell><cell>. */
function previewText(model: DocModel): string {
  return model.blocks
    .map((b) => {
      if (b.kind === 'paragraph') return b.text;
      return Array.from({ length: b.rows }, (_, r) =>
        b.cells
          .filter((c) => c.row === r)
          .map((c) => `<${c.text.replace(/\n/g, ' ')}>`)
          .join(''),
      ).join('\r\n');
    })
    .join('\r\n');
}

function contentHpf(model: DocModel, date: Date, creator: string): string {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `${XML_DECL}<opf:package ${NS} version="" unique-identifier="" id=""><opf:metadata><opf:title>${esc(model.title)}</opf:title><opf:language>ko</opf:language>` +
    `<opf:meta name="creator" content="text">${esc(creator)}</opf:meta><opf:meta name="subject" content="text"/><opf:meta name="description" content="text"/>` +
    `<opf:meta name="lastsaveby" content="text">${esc(creator)}</opf:meta><opf:meta name="CreatedDate" content="text">${iso}</opf:meta><opf:meta name="ModifiedDate" content="text">${iso}</opf:meta>` +
    `<opf:meta name="keyword" content="text"/></opf:metadata>` +
    `<opf:manifest><opf:item id="header" href="Contents/header.xml" media-type="application/xml"/><opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/><opf:item id="settings" href="settings.xml" media-type="application/xml"/></opf:manifest>` +
    `<opf:spine><opf:itemref idref="header" linear="yes"/><opf:itemref idref="section0" linear="yes"/></opf:spine></opf:package>`
  );
}

/** The .hwpx file's bytes. */
export function writeHwpx(model: DocModel, opts: HwpxWriteOptions = {}): Uint8Array {
  const shapes = new Shapes();
  // Shape 0 of each kind is the body text's, so 바탕글 (style 0) refers to plain text.
  shapes.charPr(1000, false, '#000000');
  shapes.paraPr('JUSTIFY');
  const section = sectionXml(shapes, model.blocks);
  const date = opts.date ?? new Date();
  const creator = opts.creator ?? 'jobtarget';
  const stored = { level: 0 as const };
  // DOS times start in 1980; a fixed time keeps the zip reproducible, as 한글's own entries are.
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  const files: Zippable = {
    mimetype: [strToU8('application/hwp+zip'), stored],
    'version.xml': [
      strToU8(`${XML_DECL}<hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" tagetApplication="WORDPROCESSOR" major="5" minor="0" micro="5" buildNumber="0" os="1" xmlVersion="1.4" application="jobtarget" appVersion="0.1.0"/>`),
      stored,
    ],
    'Contents/header.xml': strToU8(headerXml(shapes)),
    'Contents/section0.xml': strToU8(section),
    'Preview/PrvText.txt': strToU8(previewText(model)),
    'settings.xml': strToU8(`${XML_DECL}<ha:HWPApplicationSetting xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"><ha:CaretPosition listIDRef="0" paraIDRef="0" pos="0"/></ha:HWPApplicationSetting>`),
    'META-INF/container.xml': strToU8(
      `${XML_DECL}<ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:hpf="http://www.hancom.co.kr/schema/2011/hpf"><ocf:rootfiles><ocf:rootfile full-path="Contents/content.hpf" media-type="application/hwpml-package+xml"/><ocf:rootfile full-path="Preview/PrvText.txt" media-type="text/plain"/></ocf:rootfiles></ocf:container>`,
    ),
    'Contents/content.hpf': strToU8(contentHpf(model, date, creator)),
    'META-INF/manifest.xml': strToU8(`${XML_DECL}<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>`),
  };
  return zipSync(files, { mtime });
}
