/**
 * The XML tokenizer of the .xlsx reader: one pass over a part's UTF-8 bytes, no string made of the
 * part, no object per tag. Made for reading OOXML parts fast, and as strict as saxes (the checking
 * parser it replaced; hwpx still uses it) about what makes XML well-formed, so that a damaged part is
 * refused, not half read:
 *
 * - elements nest and close by the same name; one root; only white space, comments and processing
 *   instructions outside it; the XML declaration only at the start and in its own form;
 * - names made of name characters; attributes quoted, separated by white space, never twice on a tag,
 *   with no '<' in their values;
 * - only the five predefined entities and character references to XML characters (&#N; &#xN;);
 * - no character XML 1.0 forbids (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF), no ']]>' in
 *   text, no '--' in comments;
 * - no DOCTYPE: OPC packages may not hold DTDs (ECMA-376 part 2), and refusing them keeps entity
 *   definitions, internal or external, out of the reader altogether.
 *
 * What it gives: each element's local name (any prefix dropped, as the reader wants), the open tag's
 * attributes by byte offsets (read on demand), text as byte ranges. Decoding follows XML 1.0: entities
 * expanded, line ends normalised (CR LF and CR → LF) in text and CDATA, white space in attribute values
 * made spaces. Invalid UTF-8 decodes to U+FFFD, as a non-fatal TextDecoder does.
 *
 * Fast paths read what parts mostly hold in one go — the usual worksheet cell (cellTag), shared string
 * (stringTag) and tag attributes (plainAttributes) — and give the general path's events (or, for a
 * handler that has them, one call per cell or string); anything they do not expect, they leave to the
 * general path, which reads it and finds any error (test/adapters/xlsx/fast-path.test.ts compares both
 * on seeded mutations).
 *
 * Every syntax error is an XmlError; what a part's failure means to the user is the caller's to say.
 */

export class XmlError extends Error {
  constructor(
    message: string,
    /** Byte offset in the part. */
    readonly at: number,
  ) {
    super(`${message} (at byte ${at})`);
    this.name = 'XmlError';
  }
}

/** How a text range decodes: as UTF-8 alone, or with entities and line ends to resolve, or as CDATA. */
export const TEXT_PLAIN = 0;
export const TEXT_ESCAPED = 1;
export const TEXT_CDATA = 2;
export type TextMode = typeof TEXT_PLAIN | typeof TEXT_ESCAPED | typeof TEXT_CDATA;

export interface XmlHandler {
  /** An element opens; its attributes are readable through the scanner until this returns. */
  open(name: string, sc: XmlScanner): void;
  /** An element closes (a self-closing one right after it opened). */
  close(name: string, sc: XmlScanner): void;
  /** Character data inside the root, bytes [start, end); decode with sc.text() if wanted. */
  text(start: number, end: number, mode: TextMode, sc: XmlScanner): void;
  /**
   * Optional: the usual worksheet cell in one call instead of its five events (open c, open v, text,
   * close v, close c; see XmlScanner.cellTag), its attributes already read: row and col of its address
   * r (0-based; -1 when it has none), its style s (-1 when none), the bytes [t0, t1) of its type t (-1
   * when none), the plain text [vStart, vEnd) of its <v> (-1 when it has none). It has no others.
   */
  cell?(sc: XmlScanner, row: number, col: number, style: number, t0: number, t1: number, vStart: number, vEnd: number): void;
  /**
   * Optional: the usual shared string (see XmlScanner.stringTag) in one call instead of its five
   * events (open si, open t, text, close t, close si), its text decoded.
   */
  sharedString?(text: string, sc: XmlScanner): void;
}

export interface ScanOptions {
  /** Elements nested deeper than this end the scan through onTooDeep (which must throw). */
  maxDepth: number;
  onTooDeep(): never;
  /** A text (or CDATA section) longer than this many characters ends the scan through onLongText (which must throw). */
  maxChars: number;
  onLongText(chars: number): never;
  /** Called every 65,536 tags (a time budget can be checked here). */
  tick?(): void;
}

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SLASH = 0x2f;
const QMARK = 0x3f;
const BANG = 0x21;
const EQ = 0x3d;
const DQ = 0x22;
const SQ = 0x27;
const COLON = 0x3a;
const RBRACKET = 0x5d;
const HYPHEN = 0x2d;
const CR = 0x0d;
const LF = 0x0a;
const TAB = 0x09;
const SPACE = 0x20;
const LOWER_C = 0x63;
/** A worksheet's rows and columns (the cell fast path reads addresses inside them only). */
const EXCEL_ROWS = 1_048_576;
const EXCEL_COLS = 16_384;
const LOWER_V = 0x76;
const LOWER_S = 0x73;
const LOWER_I = 0x69;
const LOWER_T = 0x74;
/** ` xml:space="preserve">`, the one attribute the usual shared string's <t> has. */
const PRESERVE = Buffer.from(' xml:space="preserve">', 'latin1');
/** A decoded text that is not plain (or not allowed): the general path reads it, and finds any error. */
// eslint-disable-next-line no-control-regex
const NOT_PLAIN = /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F&\uFFFE\uFFFF]|]]>/;

const isWs = (c: number) => c === SPACE || c === LF || c === TAB || c === CR;
/** Name characters of XML 1.0 (a byte of a non-ASCII character passes here; the name is checked whole below). */
const isNameStart = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === COLON || c >= 0x80;
const isNameChar = (c: number) => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === HYPHEN || c === 0x2e;
/** A whole name by the productions of XML 1.0 (fifth edition), for names that are not all ASCII. */
const START_CHARS = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const XML_NAME = new RegExp(`^[${START_CHARS}][${START_CHARS}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*$`, 'u');

const XML_DECL = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]+\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>$/;

/** Tags with more attributes than this are checked for a repeated one through a set (linear, not quadratic). */
const MANY_ATTRIBUTES = 16;
/** Distinct element names kept (OOXML parts use a few dozen; a hostile part may use millions). */
const NAMES_KEPT = 1024;
/**
 * Local names already made, by a hash of their bytes: kept from part to part and from workbook to
 * workbook (each name is made once per process), at most NAMES_KEPT of them; a new scanner finding it
 * full (a hostile workbook's names) starts it afresh.
 */
const NAMES = new Map<number, string>();
/** The last of NAMES found, by its first byte (7 bits) and length (4 bits): most tags hit here. */
const LAST_NAMES: (string | undefined)[] = new Array<string | undefined>(2048).fill(undefined);

const PREDEFINED = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** A code point XML 1.0 allows as a character. */
const isXmlChar = (n: number) => n === TAB || n === LF || n === CR || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);

const fail = (): never => {
  throw new XmlError('no scan', 0);
};

/** Scans parts one after the other (one scanner serves every part of a workbook; not re-entrant). */
export class XmlScanner {
  /** The part being scanned. */
  buf: Buffer = Buffer.alloc(0);
  /** Depth of the element being reported (the root is 1). */
  depth = 0;
  /** Attributes of the open tag being reported: byte offsets of name and value, and whether the value needs decoding. */
  attrCount = 0;
  private aName0 = new Int32Array(16);
  private aName1 = new Int32Array(16);
  private aVal0 = new Int32Array(16);
  private aVal1 = new Int32Array(16);
  private aPlain = new Uint8Array(16);
  constructor() {
    if (NAMES.size >= NAMES_KEPT) {
      NAMES.clear();
      LAST_NAMES.fill(undefined);
    }
  }

  /** Attribute names of a tag with very many attributes. */
  private seen = new Set<string>();


  // ------------------------------------------------------------------------------ reading attributes

  /** Index of the attribute whose qualified name is `name` (ASCII), or -1. */
  attrIndex(name: string): number {
    const { buf } = this;
    const len = name.length;
    for (let i = 0; i < this.attrCount; i++) {
      const s = this.aName0[i];
      if (this.aName1[i] - s !== len) continue;
      let k = 0;
      while (k < len && buf[s + k] === name.charCodeAt(k)) k++;
      if (k === len) return i;
    }
    return -1;
  }

  /** Index of the attribute whose name is the one ASCII character `code` (r, s, t of a cell), or -1. */
  attrChar(code: number): number {
    for (let i = 0; i < this.attrCount; i++) {
      const s = this.aName0[i];
      if (this.aName1[i] === s + 1 && this.buf[s] === code) return i;
    }
    return -1;
  }

  /** The value of attribute `name` (qualified, ASCII), decoded; undefined when absent. */
  attr(name: string): string | undefined {
    const i = this.attrIndex(name);
    return i < 0 ? undefined : this.attrValue(i);
  }

  attrValue(i: number): string {
    const s = this.aVal0[i];
    const e = this.aVal1[i];
    return this.aPlain[i] ? this.buf.toString('utf8', s, e) : this.decode(s, e, true);
  }

  /** The value of attribute i when it is plain decimal digits (at most 15), else -1. */
  attrDigits(i: number): number {
    return this.aPlain[i] ? this.digits(this.aVal0[i], this.aVal1[i]) : -1;
  }

  /** Byte offsets of attribute i's value (undecoded) and whether it needs no decoding. */
  attrStart(i: number): number {
    return this.aVal0[i];
  }

  attrEnd(i: number): number {
    return this.aVal1[i];
  }

  attrPlain(i: number): boolean {
    return this.aPlain[i] === 1;
  }

  attrName(i: number): string {
    return this.buf.toString('utf8', this.aName0[i], this.aName1[i]);
  }

  /** Every attribute of the open tag by qualified name (for the small parts, where speed does not count). */
  attrs(): Record<string, string> {
    const out: Record<string, string> = Object.create(null) as Record<string, string>; // no inherited names, no __proto__ setter
    for (let i = 0; i < this.attrCount; i++) out[this.attrName(i)] = this.attrValue(i);
    return out;
  }

  // ----------------------------------------------------------------------------------- reading text

  /** Text bytes [start, end) decoded as the mode says. */
  text(start: number, end: number, mode: TextMode): string {
    if (start === this.decodedStart && end === this.decodedEnd && mode === TEXT_PLAIN) return this.decoded;
    return mode === TEXT_PLAIN ? this.buf.toString('utf8', start, end) : this.decode(start, end, false, mode === TEXT_CDATA);
  }

  /** The plain text last decoded by a fast path (its bytes [decodedStart, decodedEnd) of this part). */
  private decoded = '';
  private decodedStart = -1;
  private decodedEnd = -1;

  /** Bytes [start, end) as a whole number when they are plain decimal digits (1 to 15 of them), else -1. */
  digits(start: number, end: number): number {
    const n = end - start;
    if (n < 1 || n > 15) return -1;
    const { buf } = this;
    let v = 0;
    for (let p = start; p < end; p++) {
      const d = buf[p] - 0x30;
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return v;
  }

  /** Text or an attribute value with entities expanded and line ends (or white space, in attributes) normalised. */
  private decode(start: number, end: number, attribute: boolean, cdata = false): string {
    const { buf } = this;
    let out = '';
    let from = start;
    for (let p = start; p < end; p++) {
      const c = buf[p];
      if (c === AMP && !cdata) {
        if (p > from) out += buf.toString('utf8', from, p);
        const semi = buf.indexOf(0x3b, p);
        out += this.entity(p + 1, semi);
        p = semi;
        from = p + 1;
      } else if (c === CR || (attribute && (c === LF || c === TAB))) {
        if (p > from) out += buf.toString('utf8', from, p);
        if (c === CR && buf[p + 1] === LF && p + 1 < end) p += 1;
        out += attribute ? ' ' : '\n';
        from = p + 1;
      }
    }
    if (end > from) out += buf.toString('utf8', from, end);
    return out;
  }

  /** The replacement of the entity named by bytes [start, end) (between '&' and ';'); already checked. */
  private entity(start: number, end: number): string {
    const { buf } = this;
    if (buf[start] === 0x23) {
      const hex = buf[start + 1] === 0x78;
      const n = parseInt(buf.toString('latin1', start + (hex ? 2 : 1), end), hex ? 16 : 10);
      return String.fromCodePoint(n);
    }
    return PREDEFINED.get(buf.toString('latin1', start, end))!;
  }

  // -------------------------------------------------------------------------------------- scanning

  /** Checks the entity starting at the '&' at `amp` and returns the offset of its ';'. */
  private checkEntity(amp: number, end: number): number {
    const { buf } = this;
    let p = amp + 1;
    const limit = Math.min(end, amp + 64); // names are short; references may have leading zeros
    while (p < limit && buf[p] !== 0x3b) p++;
    if (p >= limit || p === amp + 1) throw new XmlError('an entity reference is broken', amp);
    if (buf[amp + 1] === 0x23) {
      const hex = buf[amp + 2] === 0x78;
      const from = amp + (hex ? 3 : 2);
      if (from >= p) throw new XmlError('a character reference is broken', amp);
      let n = 0;
      for (let q = from; q < p; q++) {
        const c = buf[q];
        let d: number;
        if (c >= 0x30 && c <= 0x39) d = c - 0x30;
        else if (hex && c >= 0x61 && c <= 0x66) d = c - 0x57;
        else if (hex && c >= 0x41 && c <= 0x46) d = c - 0x37;
        else throw new XmlError('a character reference is broken', amp);
        n = Math.min(n * (hex ? 16 : 10) + d, 0x110000);
      }
      if (!isXmlChar(n)) throw new XmlError('a character reference names a character XML does not allow', amp);
      return p;
    }
    if (!PREDEFINED.has(buf.toString('latin1', amp + 1, p))) throw new XmlError('an undefined entity is used', amp);
    return p;
  }

  /** Checks the characters of bytes [start, end) that are not markup (comments, PIs, CDATA). */
  private checkChars(start: number, end: number): void {
    const { buf } = this;
    for (let p = start; p < end; p++) {
      const c = buf[p];
      if (c < SPACE ? c !== TAB && c !== LF && c !== CR : c === 0xef && buf[p + 1] === 0xbf && (buf[p + 2] === 0xbe || buf[p + 2] === 0xbf)) {
        throw new XmlError('a character XML does not allow', p);
      }
    }
  }

  /** Where the name starting at `start` ends; a name with non-ASCII characters is checked whole. */
  private nameEnd(start: number): number {
    const { buf } = this;
    const n = buf.length;
    let p = start;
    let wide = false;
    for (; p < n; p++) {
      const c = buf[p];
      if (c >= 0x80) wide = true;
      else if (!isNameChar(c)) break;
    }
    if (wide && !XML_NAME.test(buf.toString('utf8', start, p))) throw new XmlError('a name with characters XML names may not have', start);
    return p;
  }

  /** The local name (after any prefix) of bytes [start, end), made once per distinct name. */
  private localName(start: number, end: number): string {
    const { buf } = this;
    let s = start;
    for (let p = start; p < end; p++) {
      if (buf[p] === COLON) {
        s = p + 1;
        break;
      }
    }
    // the name last made with this first byte and length (a sheet's c, v, row, mergeCell …): no hashing
    const slot = (buf[s] & 0x7f) | ((end - s) & 0xf) << 7;
    const last = LAST_NAMES[slot];
    if (last !== undefined && last.length === end - s) {
      let k = 0;
      while (k < last.length && last.charCodeAt(k) === buf[s + k]) k++;
      if (k === last.length) return last;
    }
    let h = end - s;
    let ascii = true;
    for (let p = s; p < end; p++) {
      const c = buf[p];
      if (c >= 0x80) ascii = false;
      h = (Math.imul(h, 31) + c) | 0;
    }
    if (!ascii) return buf.toString('utf8', s, end);
    const known = NAMES.get(h);
    if (known !== undefined && known.length === end - s) {
      let k = 0;
      while (k < known.length && known.charCodeAt(k) === buf[s + k]) k++;
      if (k === known.length) {
        LAST_NAMES[slot] = known;
        return known;
      }
    }
    if (known !== undefined || NAMES.size >= NAMES_KEPT) return buf.toString('latin1', s, end);
    // As a property key it becomes V8's one copy of that text, so the handlers' name === 'c' is a pointer test.
    const name = Object.keys({ [buf.toString('latin1', s, end)]: 0 })[0];
    NAMES.set(h, name);
    LAST_NAMES[slot] = name;
    return name;
  }

  private growAttrs(): void {
    const n = this.aName0.length * 2;
    const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.aName0 = grow(this.aName0, (k) => new Int32Array(k));
    this.aName1 = grow(this.aName1, (k) => new Int32Array(k));
    this.aVal0 = grow(this.aVal0, (k) => new Int32Array(k));
    this.aVal1 = grow(this.aVal1, (k) => new Int32Array(k));
    this.aPlain = grow(this.aPlain, (k) => new Uint8Array(k));
  }

  // the scan's state (small methods, so that each is optimised soon and quickly)
  private h: XmlHandler = { open() {}, close() {}, text() {} };
  private opts: ScanOptions = { maxDepth: 0, maxChars: 0, onTooDeep: fail, onLongText: fail };
  private stack0 = new Int32Array(64);
  private stack1 = new Int32Array(64);
  private stackNames: string[] = new Array<string>(64).fill('');
  private level = 0;
  private rootSeen = false;
  private tags = 0;
  private docStart = 0;

  /** Scans the whole part, calling the handler for each element and text. */
  run(buf: Buffer, h: XmlHandler, opts: ScanOptions): void {
    this.buf = buf;
    this.level = 0;
    this.rootSeen = false;
    this.tags = 0;
    this.depth = 0;
    this.attrCount = 0;
    this.decodedStart = -1;
    this.decodedEnd = -1;
    this.decoded = '';
    const n = buf.length;
    this.h = h;
    this.opts = opts;
    let p = 0;
    if (n >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) p = 3; // UTF-8 byte order mark
    this.docStart = p;
    while (p < n) {
      if (buf[p] !== LT) p = this.charData(p);
      else {
        const c = buf[p + 1];
        if (c === SLASH) p = this.closeTag(p);
        else if (c === QMARK) p = this.instruction(p);
        else if (c === BANG) p = this.bang(p);
        else if (c === LOWER_C && buf[p + 2] === SPACE) {
          const q = this.cellTag(p);
          p = q >= 0 ? q : this.openTag(p);
        } else if (c === LOWER_S && buf[p + 2] === LOWER_I && buf[p + 3] === GT) {
          const q = this.stringTag(p);
          p = q >= 0 ? q : this.openTag(p);
        } else p = this.openTag(p);
      }
    }
    if (this.level > 0) throw new XmlError(`the part ends with <${this.stackNames[this.level - 1]}> not closed`, n);
    if (!this.rootSeen) throw new XmlError('no root element', n);
  }

  /** Character data from p to the next '<' (or the end); returns where it stops. */
  private charData(start: number): number {
    const { buf } = this;
    const n = buf.length;
    let mode: TextMode = TEXT_PLAIN;
    let p = start;
    for (; p < n; p++) {
      const c = buf[p];
      if (c === LT) break;
      if (c < SPACE) {
        if (c === CR) mode = TEXT_ESCAPED;
        else if (c !== LF && c !== TAB) throw new XmlError('a character XML does not allow', p);
      } else if (c === AMP) {
        p = this.checkEntity(p, n);
        mode = TEXT_ESCAPED;
      } else if (c === RBRACKET) {
        if (buf[p + 1] === RBRACKET && buf[p + 2] === GT) throw new XmlError("']]>' in text", p);
      } else if (c === 0xef) {
        if (buf[p + 1] === 0xbf && (buf[p + 2] === 0xbe || buf[p + 2] === 0xbf)) throw new XmlError('a character XML does not allow', p);
      }
    }
    if (this.level === 0) {
      for (let q = start; q < p; q++) if (!isWs(buf[q])) throw new XmlError('text outside the root element', q);
    } else {
      if (p - start > this.opts.maxChars) this.checkLength(start, p, mode);
      this.depth = this.level;
      this.h.text(start, p, mode, this);
    }
    return p;
  }

  /** A text of more bytes than the limit has characters: is it over the limit? */
  private checkLength(start: number, end: number, mode: TextMode): void {
    const chars = this.text(start, end, mode).length;
    if (chars > this.opts.maxChars) this.opts.onLongText(chars);
  }

  /** A closing tag at lt; returns the offset after it. */
  private closeTag(lt: number): number {
    const { buf } = this;
    const n = buf.length;
    let p = lt + 2;
    const s = p;
    while (p < n && isNameChar(buf[p])) p++;
    const e = p;
    while (p < n && isWs(buf[p])) p++;
    if (p >= n || buf[p] !== GT) throw new XmlError('a closing tag is broken', lt);
    const depth = this.level;
    if (depth === 0) throw new XmlError('a closing tag with no element open', lt);
    const os = this.stack0[depth - 1];
    if (this.stack1[depth - 1] - os !== e - s) throw new XmlError('a closing tag does not match its element', lt);
    for (let k = 0; k < e - s; k++) if (buf[os + k] !== buf[s + k]) throw new XmlError('a closing tag does not match its element', lt);
    this.depth = depth;
    this.attrCount = 0;
    this.h.close(this.stackNames[depth - 1], this);
    this.level = depth - 1;
    return p + 1;
  }

  /** A processing instruction (the XML declaration among them) at lt. */
  private instruction(lt: number): number {
    const { buf } = this;
    const close = buf.indexOf('?>', lt + 2);
    if (close < 0) throw new XmlError('a processing instruction is not closed', lt);
    let t = lt + 2;
    if (t >= close || !isNameStart(buf[t])) throw new XmlError('a processing instruction without a target', lt);
    t = Math.min(this.nameEnd(t), close);
    if (t < close && !isWs(buf[t])) throw new XmlError('a processing instruction target is broken', lt);
    const target = buf.toString('latin1', lt + 2, t);
    if (target.toLowerCase() === 'xml') {
      if (target !== 'xml' || lt !== this.docStart || !XML_DECL.test(buf.toString('latin1', lt, close + 2))) throw new XmlError('a misplaced or malformed XML declaration', lt);
    } else this.checkChars(t, close);
    return close + 2;
  }

  /** A comment or CDATA section at lt (a DOCTYPE or anything else is refused). */
  private bang(lt: number): number {
    const { buf } = this;
    const p = lt + 2;
    if (buf[p] === HYPHEN && buf[p + 1] === HYPHEN) {
      const close = buf.indexOf('-->', p + 2);
      if (close < 0) throw new XmlError('a comment is not closed', lt);
      const dd = buf.indexOf('--', p + 2);
      if (dd < close) throw new XmlError("'--' inside a comment", dd);
      this.checkChars(p + 2, close);
      return close + 3;
    }
    const word = buf.toString('latin1', p, p + 7);
    if (word === '[CDATA[') {
      if (this.level === 0) throw new XmlError('CDATA outside the root element', lt);
      const start = p + 7;
      const close = buf.indexOf(']]>', start);
      if (close < 0) throw new XmlError('a CDATA section is not closed', lt);
      this.checkChars(start, close);
      if (close > start) {
        if (close - start > this.opts.maxChars) this.checkLength(start, close, TEXT_CDATA);
        this.depth = this.level;
        this.h.text(start, close, TEXT_CDATA, this);
      }
      return close + 3;
    }
    throw new XmlError(word === 'DOCTYPE' ? 'a DOCTYPE (OOXML parts may not have one)' : 'markup that is not XML', lt);
  }

  /** An opening (or self-closing) tag at lt: its attributes are checked and recorded, then reported. */
  private openTag(lt: number): number {
    const { buf } = this;
    const n = buf.length;
    let p = lt + 1;
    if (p >= n) throw new XmlError('the part ends inside a tag', lt);
    if (!isNameStart(buf[p])) throw new XmlError('a tag name is broken', lt);
    const ns = p;
    p = this.nameEnd(p);
    const ne = p;
    let count = 0;
    let selfClosing = false;
    const plain = this.plainAttributes(p);
    if (plain >= 0) {
      p = plain;
      count = this.plainCount;
      selfClosing = this.plainSelfClosing;
    } else for (;;) {
      if (p >= n) throw new XmlError('the part ends inside a tag', lt);
      let c = buf[p];
      let ws = false;
      while (isWs(c)) {
        ws = true;
        if (++p >= n) throw new XmlError('the part ends inside a tag', lt);
        c = buf[p];
      }
      if (c === GT) {
        p += 1;
        break;
      }
      if (c === SLASH) {
        if (buf[p + 1] !== GT) throw new XmlError("'/' in a tag not followed by '>'", p);
        p += 2;
        selfClosing = true;
        break;
      }
      if (!ws) throw new XmlError('no white space between attributes', p);
      p = this.attribute(p, count);
      count += 1;
    }
    const depth = this.level;
    if (depth === 0) {
      if (this.rootSeen) throw new XmlError('a second root element', lt);
      this.rootSeen = true;
    }
    if (depth + 1 > this.opts.maxDepth) this.opts.onTooDeep();
    this.countTags(1);
    const name = this.localName(ns, ne);
    this.attrCount = count;
    this.depth = depth + 1;
    this.h.open(name, this);
    if (selfClosing) {
      this.attrCount = 0;
      this.h.close(name, this);
    } else this.push(ns, ne, name);
    return p;
  }

  /** What plainAttributes read: how many attributes, and whether the tag closes itself. */
  private plainCount = 0;
  private plainSelfClosing = false;

  /**
   * The attributes of the usual tag, from p (just after its name) to its end, in one tight loop: ASCII
   * names, double-quoted values of printable ASCII without '&' or '<', spaces between, at most 16 of
   * them. Records them as attribute() does and returns the offset after the tag ('>' or '/>'); -1
   * for anything else (other white space, quotes, entities, characters; a repeated attribute), and
   * the general loop reads the tag from p (and finds any error).
   */
  private plainAttributes(start: number): number {
    const { buf } = this;
    const n = buf.length;
    let p = start;
    let count = 0;
    for (;;) {
      if (p >= n) return -1;
      let c = buf[p];
      if (c === GT) {
        this.plainSelfClosing = false;
        break;
      }
      if (c === SLASH) {
        if (buf[p + 1] !== GT) return -1;
        p += 1;
        this.plainSelfClosing = true;
        break;
      }
      if (c !== SPACE) return -1;
      do p++;
      while (p < n && buf[p] === SPACE);
      if (p >= n) return -1;
      c = buf[p];
      if (c === GT || c === SLASH) continue;
      // a name: [A-Za-z_:][A-Za-z0-9_:.-]*
      if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === COLON)) return -1;
      const a0 = p;
      for (p++; p < n; p++) {
        c = buf[p];
        if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === COLON || c === HYPHEN || c === 0x2e)) break;
      }
      const a1 = p;
      if (p + 1 >= n || buf[p] !== EQ || buf[p + 1] !== DQ) return -1;
      p += 2;
      const v0 = p;
      for (; p < n; p++) {
        c = buf[p];
        if (c === DQ) break;
        if (c < SPACE || c > 0x7e || c === LT || c === AMP) return -1;
      }
      if (p >= n || count === MANY_ATTRIBUTES) return -1;
      const len = a1 - a0;
      for (let i = 0; i < count; i++) {
        const s = this.aName0[i];
        if (this.aName1[i] - s !== len) continue;
        let k = 0;
        while (k < len && buf[s + k] === buf[a0 + k]) k++;
        if (k === len) return -1; // the same attribute twice: the general loop says so
      }
      this.aName0[count] = a0;
      this.aName1[count] = a1;
      this.aVal0[count] = v0;
      this.aVal1[count] = p;
      this.aPlain[count] = 1;
      count += 1;
      p += 1;
    }
    this.plainCount = count;
    return p + 1;
  }

  /**
   * The usual cell of a worksheet in one go: `<c` with only the attributes r (A1 to XFD1048576, in
   * capitals), s (1 to 9 digits) and t (1 to 9 letters), double-quoted and read as they are checked;
   * spaces; then `/>`, `></c>` or `><v>TEXT</v></c>` with TEXT printable ASCII without '&', '<' or
   * ']'. The handler gets the very events the general path gives (open c, open v, text, close v,
   * close c), or, if it has a `cell` method, the cell in that one call. Anything else — other
   * attributes or values, other white space, entities, other children, an empty <v>, a depth near the
   * limit — returns -1 with nothing reported, and the general path reads the tag (and finds any error).
   */
  private cellTag(lt: number): number {
    const { buf } = this;
    const n = buf.length;
    const depth = this.level;
    if (depth === 0 || depth + 2 > this.opts.maxDepth) return -1;
    let p = lt + 2; // at the space after '<c'
    let count = 0;
    // the values, read as they are checked: address (-1: none), style (-1: none), type's bytes (-1: none)
    let row = -1;
    let col = -1;
    let style = -1;
    let t0 = -1;
    let t1 = -1;
    let selfClosing = false;
    for (;;) {
      const s0 = p;
      while (p < n && buf[p] === SPACE) p++;
      if (p >= n) return -1;
      const c = buf[p];
      if (c === GT) {
        p += 1;
        break;
      }
      if (c === SLASH) {
        if (buf[p + 1] !== GT) return -1;
        p += 2;
        selfClosing = true;
        break;
      }
      if (p === s0 || buf[p + 1] !== EQ || buf[p + 2] !== DQ) return -1;
      const vs = p + 3;
      let q = vs;
      if (c === 0x72) {
        // r: A to XFD then 1 to 1,048,576 (anything else, the general path)
        if (row >= 0) return -1;
        let k = 0;
        for (; q < n; q++) {
          const b = buf[q];
          if (b < 0x41 || b > 0x5a) break;
          k = k * 26 + (b - 0x40);
        }
        if (q === vs || q - vs > 3 || k > EXCEL_COLS) return -1;
        col = k - 1;
        const d0 = q;
        k = 0;
        for (; q < n; q++) {
          const b = buf[q];
          if (b < 0x30 || b > 0x39) break;
          k = k * 10 + (b - 0x30);
        }
        if (q === d0 || q - d0 > 7 || k < 1 || k > EXCEL_ROWS) return -1;
        row = k - 1;
      } else if (c === 0x73) {
        // s: 1 to 9 digits
        if (style >= 0) return -1;
        let k = 0;
        for (; q < n; q++) {
          const b = buf[q];
          if (b < 0x30 || b > 0x39) break;
          k = k * 10 + (b - 0x30);
        }
        if (q === vs || q - vs > 9) return -1;
        style = k;
      } else if (c === 0x74) {
        // t: 1 to 9 ASCII letters
        if (t0 >= 0) return -1;
        for (; q < n; q++) {
          const b = buf[q];
          if (!((b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a))) break;
        }
        if (q === vs || q - vs > 9) return -1;
        t0 = vs;
        t1 = q;
      } else return -1;
      if (q >= n || buf[q] !== DQ) return -1;
      this.aName0[count] = p;
      this.aName1[count] = p + 1;
      this.aVal0[count] = vs;
      this.aVal1[count] = q;
      this.aPlain[count] = 1;
      count += 1;
      p = q + 1;
    }
    let ts = -1;
    let te = -1;
    if (!selfClosing) {
      if (buf[p] !== LT) return -1;
      if (buf[p + 1] === SLASH) {
        if (buf[p + 2] !== LOWER_C || buf[p + 3] !== GT) return -1;
        p += 4;
      } else {
        if (buf[p + 1] !== LOWER_V || buf[p + 2] !== GT) return -1;
        ts = p + 3;
        let q = ts;
        for (; q < n; q++) {
          const b = buf[q];
          if (b === LT) break;
          if (b < SPACE || b > 0x7e || b === AMP || b === RBRACKET) return -1;
        }
        if (q === ts || q - ts > this.opts.maxChars) return -1;
        if (buf[q + 1] !== SLASH || buf[q + 2] !== LOWER_V || buf[q + 3] !== GT || buf[q + 4] !== LT || buf[q + 5] !== SLASH || buf[q + 6] !== LOWER_C || buf[q + 7] !== GT) return -1;
        te = q;
        p = q + 8;
      }
    }
    // the events of the general path, in its order
    const { h } = this;
    if (h.cell !== undefined) {
      this.countTags(ts >= 0 ? 2 : 1);
      this.attrCount = count;
      this.depth = depth + 1;
      h.cell(this, row, col, style, t0, t1, ts, te);
      this.attrCount = 0;
      return p;
    }
    this.countTags(1);
    this.attrCount = count;
    this.depth = depth + 1;
    h.open('c', this);
    if (ts >= 0) {
      this.countTags(1);
      this.attrCount = 0;
      this.replayLeaf('c', 'v', depth, ts, te);
      return p;
    }
    this.attrCount = 0;
    this.depth = depth + 1;
    h.close('c', this);
    return p;
  }

  /**
   * The rest of the general path's events for `<outer><inner>TEXT</inner></outer>` read by a fast path,
   * once `outer` is opened and the inner element's attributes are set: open inner, its plain text, close
   * inner, close outer, each with the depth and attribute count the general path would show.
   */
  private replayLeaf(outer: string, inner: string, depth: number, ts: number, te: number): void {
    const { h } = this;
    this.depth = depth + 2;
    h.open(inner, this);
    this.depth = depth + 2;
    h.text(ts, te, TEXT_PLAIN, this);
    this.attrCount = 0;
    this.depth = depth + 2;
    h.close(inner, this);
    this.attrCount = 0;
    this.depth = depth + 1;
    h.close(outer, this);
  }

  /**
   * The usual shared string in one go: `<si><t>TEXT</t></si>` (or `<t xml:space="preserve">`), TEXT
   * found and decoded natively (no loop over its bytes here) and then checked whole: no character XML
   * forbids, no '&', CR or ']]>' (those the general path reads). The handler gets the general path's
   * events (open si, open t, text, close t, close si) and sc.text() the string already made. Anything
   * else returns -1 with nothing reported.
   */
  private stringTag(lt: number): number {
    const { buf } = this;
    const depth = this.level;
    if (depth === 0 || depth + 2 > this.opts.maxDepth) return -1;
    let p = lt + 4; // after '<si>'
    if (buf[p] !== LT || buf[p + 1] !== LOWER_T) return -1;
    let preserve = false;
    if (buf[p + 2] === GT) p += 3;
    else if (p + 2 + PRESERVE.length <= buf.length && buf.compare(PRESERVE, 0, PRESERVE.length, p + 2, p + 2 + PRESERVE.length) === 0) {
      preserve = true;
      p += 2 + PRESERVE.length;
    } else return -1;
    const ts = p;
    const te = buf.indexOf(LT, ts);
    if (te <= ts) return -1; // an empty <t>, or no end
    if (buf[te + 1] !== SLASH || buf[te + 2] !== LOWER_T || buf[te + 3] !== GT || buf[te + 4] !== LT || buf[te + 5] !== SLASH || buf[te + 6] !== LOWER_S || buf[te + 7] !== LOWER_I || buf[te + 8] !== GT) return -1;
    const text = buf.toString('utf8', ts, te);
    if (text.length > this.opts.maxChars || NOT_PLAIN.test(text)) return -1;
    this.decoded = text;
    this.decodedStart = ts;
    this.decodedEnd = te;
    // the events of the general path, in its order
    const { h } = this;
    this.countTags(2);
    if (h.sharedString !== undefined) {
      h.sharedString(text, this);
      return te + 9;
    }
    this.attrCount = 0;
    this.depth = depth + 1;
    h.open('si', this);
    if (preserve) {
      const a = lt + 7; // the attribute's name
      this.aName0[0] = a;
      this.aName1[0] = a + 9;
      this.aVal0[0] = a + 11;
      this.aVal1[0] = a + 19;
      this.aPlain[0] = 1;
    }
    this.attrCount = preserve ? 1 : 0;
    this.replayLeaf('si', 't', depth, ts, te);
    return te + 9;
  }

  /**
   * Counts k (1 or 2) open tags; calls tick from the first tag on, then every 65,536. One place for
   * every path, so that the call has run (the root's tag) before the fast paths are optimised:
   * optimised code that meets a call it never saw is thrown away.
   */
  private countTags(k: number): void {
    const t = this.tags;
    this.tags = t + k;
    if (((t + 1) & 0xffff) === 1 || (k === 2 && ((t + 2) & 0xffff) === 1)) this.opts.tick?.();
  }

  private push(ns: number, ne: number, name: string): void {
    const depth = this.level;
    if (depth === this.stack0.length) {
      const a = new Int32Array(depth * 2);
      a.set(this.stack0);
      this.stack0 = a;
      const b = new Int32Array(depth * 2);
      b.set(this.stack1);
      this.stack1 = b;
      const names = new Array<string>(depth * 2).fill('');
      for (let i = 0; i < depth; i++) names[i] = this.stackNames[i];
      this.stackNames = names;
    }
    this.stack0[depth] = ns;
    this.stack1[depth] = ne;
    this.stackNames[depth] = name;
    this.level = depth + 1;
  }

  /** The attribute starting at p, recorded as number `index`; returns the offset after its value. */
  private attribute(start: number, index: number): number {
    const { buf } = this;
    const n = buf.length;
    let p = start;
    if (!isNameStart(buf[p])) throw new XmlError('an attribute name is broken', p);
    p = this.nameEnd(p);
    const ae = p;
    while (p < n && isWs(buf[p])) p++;
    if (buf[p] !== EQ) throw new XmlError('an attribute without a value', start);
    p += 1;
    while (p < n && isWs(buf[p])) p++;
    const q = buf[p];
    if (q !== DQ && q !== SQ) throw new XmlError('an attribute value not in quotes', p);
    p += 1;
    const vs = p;
    let plain = 1;
    for (;;) {
      if (p >= n) throw new XmlError('the part ends inside an attribute value', vs);
      const c = buf[p];
      if (c === q) break;
      if (c < SPACE) {
        if (c !== LF && c !== TAB && c !== CR) throw new XmlError('a character XML does not allow', p);
        plain = 0;
      } else if (c === AMP) {
        p = this.checkEntity(p, n);
        plain = 0;
      } else if (c === LT) throw new XmlError("'<' in an attribute value", p);
      else if (c === 0xef && buf[p + 1] === 0xbf && (buf[p + 2] === 0xbe || buf[p + 2] === 0xbf)) throw new XmlError('a character XML does not allow', p);
      p++;
    }
    // the same attribute twice is not XML (compared by bytes on the usual short tags, by a set past that)
    const len = ae - start;
    if (index < MANY_ATTRIBUTES) {
      for (let i = 0; i < index; i++) {
        const s = this.aName0[i];
        if (this.aName1[i] - s !== len) continue;
        let k = 0;
        while (k < len && buf[s + k] === buf[start + k]) k++;
        if (k === len) throw new XmlError('an attribute given twice', start);
      }
    } else {
      if (index === MANY_ATTRIBUTES) {
        this.seen.clear();
        for (let i = 0; i < index; i++) this.seen.add(this.attrName(i));
      }
      const name = buf.toString('utf8', start, ae);
      if (this.seen.has(name)) throw new XmlError('an attribute given twice', start);
      this.seen.add(name);
    }
    if (index === this.aName0.length) this.growAttrs();
    this.aName0[index] = start;
    this.aName1[index] = ae;
    this.aVal0[index] = vs;
    this.aVal1[index] = p;
    this.aPlain[index] = plain;
    return p + 1;
  }
}
