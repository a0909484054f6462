/**
 * Editing an OOXML package (.xlsx/.xlsm) in place, part by part: the zip is opened with fflate, the
 * few parts an edit needs are changed as text, and every other part is written back byte for byte.
 * The XML edits are textual on purpose (no parse-and-reserialise): whatever a part holds that we do
 * not understand — extensions, other programs' markup, namespaces — stays exactly as it was.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
} as const;

export const REL_TYPE = {
  officeDocument: `${NS.rel}/officeDocument`,
  worksheet: `${NS.rel}/worksheet`,
  styles: `${NS.rel}/styles`,
  comments: `${NS.rel}/comments`,
  vmlDrawing: `${NS.rel}/vmlDrawing`,
} as const;

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
} as const;

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// ------------------------------------------------------------------------------------ XML as text

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    if (e === 'amp') return '&';
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** Text as XML 1.0 may hold it: C0 controls other than tab, LF and CR are not allowed at all. */
export function xmlText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeXml(s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/** The value of attribute `name` in a start tag, unescaped; null when absent. */
export function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name.replace(/[:.]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  if (!m) return null;
  return unescapeXml(m[1] ?? m[2] ?? '');
}

/** The start tag with attribute `name` set to `value` (replaced in place, or added before the end). */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[:.]/g, '\\$&')}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeXml(value)}"`);
  return tag.replace(/\s*(\/?>)$/, ` ${name}="${escapeXml(value)}"$1`);
}

export function removeAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name.replace(/[:.]/g, '\\$&')}\\s*=\\s*(?:"[^"]*"|'[^']*')`), '');
}

/** The namespace prefix (with its colon, or '') the root element of `xml` uses. */
export function rootPrefix(xml: string, local: string): string {
  const m = new RegExp(`<(\\w+:)?${local}[\\s>/]`).exec(xml);
  return m?.[1] ?? '';
}

/** The prefix bound to `uri` in `xml` (first declaration), or null. */
export function prefixOf(xml: string, uri: string): string | null {
  const m = new RegExp(`xmlns:(\\w+)\\s*=\\s*["']${uri.replace(/[.]/g, '\\.')}["']`).exec(xml);
  return m ? m[1] : null;
}

export interface Element {
  /** Offsets of the whole element in the text. */
  start: number;
  end: number;
  /** Its start tag (for an empty element, the whole element). */
  open: string;
  /** Text between the start and end tags ('' for an empty element). */
  inner: string;
  selfClosing: boolean;
}

/**
 * Elements named `name` (qualified, e.g. 'x:row' or 'row') in `xml[from, to)`, in order. For elements
 * that do not nest in themselves (rows, cells, xfs …) — the end tag found is the first one after.
 */
export function elements(xml: string, name: string, from = 0, to = xml.length): Element[] {
  const out: Element[] = [];
  const re = new RegExp(`<${name.replace(/[:.]/g, '\\$&')}(?=[\\s/>])`, 'g');
  re.lastIndex = from;
  const close = `</${name}>`;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    const tagEnd = xml.indexOf('>', m.index);
    if (tagEnd < 0 || tagEnd >= to) break;
    const open = xml.slice(m.index, tagEnd + 1);
    if (open.endsWith('/>')) {
      out.push({ start: m.index, end: tagEnd + 1, open, inner: '', selfClosing: true });
      re.lastIndex = tagEnd + 1;
      continue;
    }
    const endTag = xml.indexOf(close, tagEnd + 1);
    if (endTag < 0 || endTag + close.length > to) break;
    out.push({ start: m.index, end: endTag + close.length, open, inner: xml.slice(tagEnd + 1, endTag), selfClosing: false });
    re.lastIndex = endTag + close.length;
  }
  return out;
}

/** The first element named `name`, or null. */
export function firstElement(xml: string, name: string, from = 0, to = xml.length): Element | null {
  return elements(xml, name, from, to)[0] ?? null;
}

/** Start of the inner text of a non-empty element. */
export function innerStart(e: Element): number {
  return e.start + e.open.length;
}

/**
 * Appends `items` to the list element `name` (e.g. 'fills' in styles.xml), updating its count, and
 * returns the new text and the index of the first item added. A missing list is created before the
 * first of `followers` present (schema order), else before the root's end tag.
 */
export function appendToList(xml: string, prefix: string, local: string, itemLocal: string, items: string[], followers: string[], rootLocal: string): { xml: string; first: number } {
  const name = prefix + local;
  const list = firstElement(xml, name);
  if (list) {
    const count = list.selfClosing ? 0 : elements(list.inner, prefix + itemLocal).length;
    const open = setAttr(list.selfClosing ? list.open.replace(/\s*\/>$/, '>') : list.open, 'count', String(count + items.length));
    const inner = list.selfClosing ? '' : list.inner;
    return { xml: xml.slice(0, list.start) + open + inner + items.join('') + `</${name}>` + xml.slice(list.end), first: count };
  }
  const created = `<${name} count="${items.length}">${items.join('')}</${name}>`;
  return { xml: insertBefore(xml, prefix, followers, rootLocal, created), first: 0 };
}

/** Inserts `text` before the first element of `followers` present, else before the root's end tag. */
export function insertBefore(xml: string, prefix: string, followers: string[], rootLocal: string, text: string): string {
  let at = -1;
  for (const f of followers) {
    const m = new RegExp(`<${prefix}${f}(?=[\\s/>])`).exec(xml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = xml.lastIndexOf(`</${prefix}${rootLocal}>`);
  if (at < 0) throw new PackageError(`no </${prefix}${rootLocal}> end tag`);
  return xml.slice(0, at) + text + xml.slice(at);
}

// ------------------------------------------------------------------------------------ the package

export class PackageError extends Error {
  constructor(message: string) {
    super(`통합 문서의 구성이 예상과 달라 검증 사본을 만들 수 없습니다: ${message} (the workbook's package is not as expected: ${message})`);
    this.name = 'PackageError';
  }
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The part it points to, as a path inside the package (for internal targets). */
  part: string;
}

/** Folder of a part: 'xl/worksheets/sheet1.xml' → 'xl/worksheets'. */
const folderOf = (part: string) => part.slice(0, Math.max(0, part.lastIndexOf('/')));

/** Resolves a relationship target against the folder of the part that holds it. */
export function resolveTarget(fromPart: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : `${folderOf(fromPart)}/${target}`;
  const out: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return decodeURI(out.join('/'));
}

/** The relative target from `fromPart`'s folder to `toPart`. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = folderOf(fromPart).split('/').filter(Boolean);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

/** The .rels part of a part: 'xl/workbook.xml' → 'xl/_rels/workbook.xml.rels'. */
export function relsPartOf(part: string): string {
  const folder = folderOf(part);
  const name = part.slice(part.lastIndexOf('/') + 1);
  return `${folder ? `${folder}/` : ''}_rels/${name}.rels`;
}

/** Part names are equivalent whatever their ASCII case (ECMA-376 part 2, 9.1.1.1), as the reader finds them (read.ts entryOf). */
const partKey = (name: string) => name.replace(/^\//, '').toLowerCase();

export class OoxmlPackage {
  /** Entries in their original order, new ones at the end. */
  private readonly entries = new Map<string, Uint8Array>();
  /** The entry's name as stored, by partKey. */
  private readonly stored = new Map<string, string>();
  /** Parts changed or added (the others are written back as they were read). */
  readonly changed = new Set<string>();

  constructor(bytes: Uint8Array) {
    const files = unzipSync(bytes);
    for (const [name, data] of Object.entries(files)) {
      this.entries.set(name, data);
      this.stored.set(partKey(name), name);
    }
  }

  /** The name `part` is stored under (another case, a leading '/'), or `part` itself when it is not there. */
  nameOf(part: string): string {
    return this.stored.get(partKey(part)) ?? part;
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(part: string): boolean {
    return this.entries.has(this.nameOf(part));
  }

  bytes(part: string): Uint8Array | undefined {
    return this.entries.get(this.nameOf(part));
  }

  text(part: string): string {
    const b = this.entries.get(this.nameOf(part));
    if (!b) throw new PackageError(`${part} is missing`);
    return strFromU8(b);
  }

  setText(part: string, text: string): void {
    this.setBytes(part, strToU8(text));
  }

  setBytes(part: string, bytes: Uint8Array): void {
    const name = this.nameOf(part);
    this.entries.set(name, bytes);
    this.stored.set(partKey(name), name);
    this.changed.add(name);
  }

  remove(part: string): void {
    const name = this.nameOf(part);
    this.entries.delete(name);
    this.stored.delete(partKey(name));
    this.changed.add(name);
  }

  /** A part name not used yet: pattern(1), pattern(2), … */
  freeName(pattern: (n: number) => string): string {
    for (let n = 1; ; n++) if (!this.stored.has(partKey(pattern(n)))) return pattern(n);
  }

  relationships(part: string): Relationship[] {
    const relsPart = relsPartOf(part);
    if (!this.has(relsPart)) return [];
    const xml = this.text(relsPart);
    const p = rootPrefix(xml, 'Relationships');
    return elements(xml, `${p}Relationship`).map((e) => {
      const target = attr(e.open, 'Target') ?? '';
      const external = attr(e.open, 'TargetMode') === 'External';
      return { id: attr(e.open, 'Id') ?? '', type: attr(e.open, 'Type') ?? '', target, external, part: external ? '' : this.nameOf(resolveTarget(part, target)) };
    });
  }

  /** Adds a relationship from `part` to `toPart` and returns its id. */
  addRelationship(part: string, type: string, toPart: string): string {
    const relsPart = relsPartOf(part);
    const xml = this.has(relsPart) ? this.text(relsPart) : `${XML_DECLARATION}<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
    const p = rootPrefix(xml, 'Relationships');
    const ids = new Set(elements(xml, `${p}Relationship`).map((e) => attr(e.open, 'Id')));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const rel = `<${p}Relationship Id="${id}" Type="${type}" Target="${escapeXml(relativeTarget(part, toPart))}"/>`;
    const end = xml.lastIndexOf(`</${p}Relationships>`);
    const next = end >= 0 ? xml.slice(0, end) + rel + xml.slice(end) : xml.replace(/<(\w+:)?Relationships([^>]*)\/>/, `<$1Relationships$2>${rel}</$1Relationships>`);
    this.setText(relsPart, next);
    return id;
  }

  /** Declares a part's content type ([Content_Types].xml Override). */
  addOverride(part: string, contentType: string): void {
    const ct = '[Content_Types].xml';
    let xml = this.text(ct);
    const p = rootPrefix(xml, 'Types');
    const name = `/${part}`;
    if (elements(xml, `${p}Override`).some((e) => (attr(e.open, 'PartName') ?? '').toLowerCase() === name.toLowerCase())) return;
    xml = xml.replace(new RegExp(`</${p}Types>`), `<${p}Override PartName="${escapeXml(name)}" ContentType="${contentType}"/></${p}Types>`);
    this.setText(ct, xml);
  }

  /** Declares a content type for every part with this extension, unless one is declared. */
  addDefault(extension: string, contentType: string): void {
    const ct = '[Content_Types].xml';
    let xml = this.text(ct);
    const p = rootPrefix(xml, 'Types');
    if (elements(xml, `${p}Default`).some((e) => (attr(e.open, 'Extension') ?? '').toLowerCase() === extension.toLowerCase())) return;
    xml = xml.replace(new RegExp(`</${p}Types>`), `<${p}Default Extension="${extension}" ContentType="${contentType}"/></${p}Types>`);
    this.setText(ct, xml);
  }

  /** The zip: entries in their original order, unchanged parts as they were. */
  toBytes(): Uint8Array {
    const out: Zippable = {};
    for (const [name, data] of this.entries) out[name] = [data, { level: name.endsWith('.bin') || /\.(png|jpe?g|gif|emf|wmf)$/i.test(name) ? 0 : 6 }];
    return zipSync(out);
  }
}
