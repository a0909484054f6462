#!/usr/bin/env node
/**
 * Writes the built-in examples as the workbooks `check --example` reads (assets/examples/NAME.xlsx), so
 * the CLI does not load the workbook writer (exceljs) and render them on every run.
 *
 *   npm run build:cli && node scripts/make-examples.mjs
 *
 * The workbooks are committed; test/cli/example-assets.test.ts fails, naming this script, when one no
 * longer equals a fresh render of its draft (an example, the template or the writer changed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { draftToBuffer } = require(join(root, 'build/adapters/xlsx/write.js'));
const { EXAMPLES } = require(join(root, 'build/core/examples/index.js'));

const dir = join(root, 'assets', 'examples');
mkdirSync(dir, { recursive: true });
for (const [name, example] of Object.entries(EXAMPLES)) {
  const bytes = await draftToBuffer(example.draft, { formulas: false });
  writeFileSync(join(dir, `${name}.xlsx`), bytes);
  console.log(`assets/examples/${name}.xlsx  ${bytes.length} bytes`);
}
