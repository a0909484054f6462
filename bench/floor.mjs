#!/usr/bin/env node
/**
 * The floor reader of `npm run bench`: the least work any .xlsx checker must do. It unzips each
 * workbook (fflate, whole parts at once) and scans the sheet parts for cells, merged ranges and the
 * styles' number formats with plain string search — no XML parser, no grid, no rules. Prints the
 * counts so the work cannot be skipped.
 *
 *   node bench/floor.mjs FILE...
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { unzipSync, strFromU8 } = require('fflate');

const count = (text, needle) => {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
};

let cells = 0;
let merges = 0;
let formats = 0;
for (const file of process.argv.slice(2)) {
  const parts = unzipSync(readFileSync(file));
  for (const [name, data] of Object.entries(parts)) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      const xml = strFromU8(data);
      cells += count(xml, '<c ');
      merges += count(xml, '<mergeCell ');
    } else if (name === 'xl/styles.xml' || name === 'xl/sharedStrings.xml') {
      const xml = strFromU8(data);
      formats += count(xml, '<numFmt ') + count(xml, '<si>');
    }
  }
}
process.stdout.write(JSON.stringify({ cells, merges, formats }));
