/**
 * Webpack loader for the add-in's bundle: empties each rule's `docs` (the long ko/en explanation that
 * docs/rules.md is generated from; the pane and the ribbon command never show it), so the task pane
 * stays within its size budget. Messages and descriptions are kept. A rule file whose `docs` this
 * cannot find fails the build instead of shipping silently unchanged.
 */
'use strict';

const STRING = String.raw`'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\`(?:[^\`\\]|\\.)*\``;
const DOCS = new RegExp(String.raw`(\bdocs:\s*\{\s*ko:\s*)(?:${STRING})(\s*,\s*en:\s*)(?:${STRING})(\s*,?\s*\})`, 'g');

/** The source with every rule's docs texts replaced by ''; `count` how many were found. */
function stripRuleDocs(source) {
  let count = 0;
  const out = source.replace(DOCS, (_, head, mid, tail) => {
    count += 1;
    return `${head}''${mid}''${tail}`;
  });
  return { out, count };
}

module.exports = function loader(source) {
  const { out, count } = stripRuleDocs(source);
  if (count === 0 && /\bdocs:\s*\{/.test(source)) throw new Error(`strip-rule-docs: a docs block in ${this.resourcePath} is not in the form { ko: '…', en: '…' }`);
  return out;
};
module.exports.stripRuleDocs = stripRuleDocs;
