/**
 * Checks on an add-in manifest that Microsoft's XSDs cannot make (see ../shared/office-schemas/SOURCES.md),
 * and the schema validation itself with xmllint. Used for manifest.xml and for the production build's copy.
 */
import { execFileSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';

export const SCHEMA = path.resolve(__dirname, '../../../shared/office-schemas/OfficeAppManifestV1_1.xsd');

/** xmllint's path, or null when it is not installed. */
export function xmllint(): string | null {
  for (const p of ['/usr/bin/xmllint', '/usr/local/bin/xmllint', '/opt/homebrew/bin/xmllint']) if (existsSync(p)) return p;
  try {
    return execFileSync('sh', ['-c', 'command -v xmllint'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** Runs `xmllint --noout --schema`; returns its complaints ('' when valid). */
export function schemaErrors(file: string, lint: string): string {
  try {
    execFileSync(lint, ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return '';
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    return err.stderr || err.message;
  }
}

/** Width and height of a PNG file, from its IHDR chunk. */
export function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  if (b.toString('latin1', 1, 4) !== 'PNG') throw new Error(`${file} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const BT = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
/** Character limits of Microsoft's manifest reference (ShortString 125, LongString 250, DisplayName 125, Description 250). */
const LIMITS = { short: 125, long: 250, displayName: 125, description: 250 };

function all(doc: Document, local: string): Element[] {
  return Array.from(doc.getElementsByTagName('*')).filter((e) => e.localName === local);
}

/**
 * Problems the schema cannot see. `fileOf(url)` maps an icon URL to the file it serves (or null when
 * the URL is not ours); `xml` is the manifest text. Needs a DOMParser (jsdom test environment).
 */
export function manifestProblems(xml: string, fileOf: (url: string) => string | null): string[] {
  const out: string[] = [];
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) return ['not well-formed XML'];

  // Every URL is https (Office loads add-ins only over https).
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    for (const attr of ['DefaultValue', 'Value']) {
      const v = el.getAttribute(attr);
      if (v && /^[a-z]+:\/\//i.test(v) && !v.startsWith('https://')) out.push(`${el.localName} ${attr} is not https: ${v}`);
    }
  }

  // Resources: unique ids, and every resid names one of the right kind.
  const kinds = new Map<string, string>();
  const ids = new Map<string, number>();
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    const id = el.getAttribute('id');
    if (id) ids.set(id, (ids.get(id) ?? 0) + 1);
  }
  for (const [id, n] of ids) if (n > 1) out.push(`duplicate id ${id}`);
  for (const [group, kind] of [['Images', 'image'], ['Urls', 'url'], ['ShortStrings', 'short'], ['LongStrings', 'long']] as const) {
    for (const g of all(doc, group).filter((e) => e.namespaceURI === BT)) for (const item of Array.from(g.children)) kinds.set(item.getAttribute('id') ?? '', kind);
  }
  const wanted: Record<string, string> = {
    Image: 'image',
    SourceLocation: 'url',
    FunctionFile: 'url',
    LearnMoreUrl: 'url',
    Label: 'short',
    Title: 'short',
    Description: 'long',
  };
  for (const el of Array.from(doc.querySelectorAll('[resid]'))) {
    const resid = el.getAttribute('resid')!;
    const kind = kinds.get(resid);
    if (!kind) out.push(`${el.localName} resid="${resid}" names no resource`);
    else if (wanted[el.localName] && wanted[el.localName] !== kind) out.push(`${el.localName} resid="${resid}" is a ${kind} resource, not a ${wanted[el.localName]}`);
    if (resid.length > 32) out.push(`resid ${resid} is longer than 32 characters`);
  }

  // Locales: Korean by default, every text with an en-US override; lengths within the limits.
  const locale = all(doc, 'DefaultLocale')[0]?.textContent?.trim();
  if (locale !== 'ko-KR') out.push(`DefaultLocale is ${locale}, not ko-KR`);
  const texts: { el: Element; limit: number; name: string }[] = [
    ...all(doc, 'DisplayName').map((el) => ({ el, limit: LIMITS.displayName, name: 'DisplayName' })),
    ...all(doc, 'Description').filter((e) => e.hasAttribute('DefaultValue')).map((el) => ({ el, limit: LIMITS.description, name: 'Description' })),
    ...all(doc, 'ShortStrings').flatMap((g) => Array.from(g.children).map((el) => ({ el, limit: LIMITS.short, name: el.getAttribute('id') ?? '?' }))),
    ...all(doc, 'LongStrings').flatMap((g) => Array.from(g.children).map((el) => ({ el, limit: LIMITS.long, name: el.getAttribute('id') ?? '?' }))),
  ];
  for (const { el, limit, name } of texts) {
    const values = [el.getAttribute('DefaultValue') ?? '', ...Array.from(el.children).map((o) => o.getAttribute('Value') ?? '')];
    for (const v of values) if (v.length > limit) out.push(`${name} is ${v.length} characters (limit ${limit})`);
    if (!/[가-힣]/.test(values[0])) out.push(`${name}: the default text is not Korean`);
    const en = Array.from(el.children).find((o) => o.localName === 'Override' && o.getAttribute('Locale') === 'en-US');
    if (!en) out.push(`${name}: no en-US override`);
  }

  // Icons: each file's pixel size is the size it is declared as.
  const declared: { url: string; size: number }[] = [];
  const iconUrl = all(doc, 'IconUrl')[0]?.getAttribute('DefaultValue');
  const hiRes = all(doc, 'HighResolutionIconUrl')[0]?.getAttribute('DefaultValue');
  if (iconUrl) declared.push({ url: iconUrl, size: 32 });
  if (hiRes) declared.push({ url: hiRes, size: 64 });
  const imageUrls = new Map<string, string>();
  for (const g of all(doc, 'Images').filter((e) => e.namespaceURI === BT)) for (const item of Array.from(g.children)) imageUrls.set(item.getAttribute('id') ?? '', item.getAttribute('DefaultValue') ?? '');
  for (const img of all(doc, 'Image').filter((e) => e.hasAttribute('size') && e.hasAttribute('resid'))) {
    const url = imageUrls.get(img.getAttribute('resid')!);
    if (url) declared.push({ url, size: Number(img.getAttribute('size')) });
  }
  for (const { url, size } of declared) {
    const file = fileOf(url);
    if (!file) {
      out.push(`icon ${url} is not served by the add-in`);
      continue;
    }
    if (!existsSync(file)) {
      out.push(`icon ${url}: ${file} does not exist`);
      continue;
    }
    const px = pngSize(file);
    if (px.width !== size || px.height !== size) out.push(`icon ${url} is ${px.width}×${px.height}, declared ${size}×${size}`);
  }
  return out;
}

/** The ExcelApi version the manifest requires. */
export function requiredExcelApi(xml: string): string | null {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const set = all(doc, 'Set').find((s) => s.getAttribute('Name') === 'ExcelApi');
  return set?.getAttribute('MinVersion') ?? null;
}

/**
 * Whether a missing xmllint may only be reported (a developer's machine) or must fail (CI sets
 * JOBTARGET_REQUIRE_XMLLINT=1 after installing libxml2-utils).
 */
export function xmllintRequired(): boolean {
  return process.env.JOBTARGET_REQUIRE_XMLLINT === '1';
}
