/**
 * The documentation as GitHub shows it: every relative link and #anchor of README.md and docs/*.md leads
 * somewhere, and every table is one table (a header row, then its rule row, then rows without a gap).
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const FILES = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** The text outside fenced code blocks (links and tables there are only shown). */
function prose(file: string): string {
  return readFileSync(path.join(ROOT, file), 'utf8').replace(/^```[\s\S]*?^```/gm, (block) => block.replace(/[^\n]/g, ''));
}

/** GitHub's heading ids (github-slugger): the heading's text, lower case, punctuation dropped, spaces as '-', repeats numbered. */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const ids = new Set<string>();
  for (const m of prose(file).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = m[1].replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]+>/g, '').replace(/[`*]/g, '');
    const slug = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    const n = seen.get(slug);
    ids.add(n === undefined ? slug : `${slug}-${n + 1}`);
    seen.set(slug, n === undefined ? 0 : n + 1);
  }
  for (const m of prose(file).matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) ids.add(m[1]);
  return ids;
}

describe.each(FILES)('%s', (file) => {
  it('links to files and headings that exist', () => {
    const broken: string[] = [];
    for (const m of prose(file).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)|\bsrc="([^"]+)"/g)) {
      const link = m[1] ?? m[2];
      if (/^[a-z][a-z+.-]*:/i.test(link)) continue; // https:, mailto:
      const [target, anchor] = link.split('#');
      const to = target ? path.join(path.dirname(file), decodeURIComponent(target)) : file;
      if (!existsSync(path.join(ROOT, to))) broken.push(`${link} (no ${to})`);
      else if (anchor !== undefined && to.endsWith('.md') && !anchors(to).has(decodeURIComponent(anchor))) broken.push(`${link} (no heading #${anchor} in ${to})`);
    }
    expect(broken).toEqual([]);
  });

  it('has no table cut in two: every run of table rows starts with a header and its rule row', () => {
    const lines = prose(file).split('\n');
    const stray: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const row = lines[i].trim().startsWith('|');
      const starts = row && (i === 0 || !lines[i - 1].trim().startsWith('|'));
      if (starts && !/^\s*\|?\s*:?-{3,}/.test(lines[i + 1] ?? '')) stray.push(`line ${i + 1}: ${lines[i].slice(0, 60)}`);
    }
    expect(stray).toEqual([]);
  });
});
