/** docs/rules.md must be what test/support/rule-docs.ts generates. `npm run docs:rules` rewrites it. */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { ALL_RULES } from '../../src/core/rules';
import { ruleDocs, rulesMarkdown } from '../support/rule-docs';

const PATH = join(__dirname, '..', '..', 'docs', 'rules.md');

test('every rule, structure included, has a real example finding', () => {
  const docs = ruleDocs();
  expect(docs.map((d) => d.id)).toEqual(['structure', ...ALL_RULES.map((r) => r.meta.id)]);
  const missing = docs.filter((d) => d.example?.rule !== d.id).map((d) => d.id);
  if (missing.length) {
    throw new Error(`no example finding for: ${missing.join(', ')} — add an entry to EXAMPLES in test/support/rule-docs.ts, then run \`npm run docs:rules\``);
  }
});

test('docs/rules.md is up to date', () => {
  const md = rulesMarkdown();
  if (process.env.UPDATE_DOCS === '1') writeFileSync(PATH, md);
  const current = existsSync(PATH) ? readFileSync(PATH, 'utf8') : '';
  if (current !== md) throw new Error('docs/rules.md is out of date with the rule metadata: run `npm run docs:rules` to regenerate it');
});
