#!/usr/bin/env node
/**
 * Bundles the compiled CLI (build/cli/main.js and its worker) into one file each, next to them:
 * build/cli/main.bundle.js and build/cli/check-worker.bundle.js. One file starts faster than the ≈ 100
 * modules it replaces (no module lookups, one compile that V8's code cache then skips: bin/cached-load.js).
 * Left out, loaded from node_modules when needed: exceljs (writing and annotating only, and large),
 * chart.js (the HTML report inlines its file) and our own string-width (measures only unusual text).
 */
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * commander requires node:child_process at load, for executable subcommands (`git-style` commands run
 * as separate programs), which jobtarget has none of. Loading it (with net, dgram, …) costs ≈ 2.5 ms of
 * every start: commander gets a stand-in that loads it only if spawn is ever called.
 */
function lazyChildProcess() {
  return {
    name: 'lazy-child-process',
    setup(b) {
      b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
        contents: "module.exports = { get spawn() { return require('node:child_process').spawn; } };",
        loader: 'js',
      }));
    },
  };
}

/**
 * string-width stays out of the bundle for our own use only (src/cli/width.ts loads v8, an ES module,
 * when it needs it). Other packages' `require('string-width')` (cli-progress wants its own v4, a
 * function, in its node_modules) are bundled as they resolve: left external, they would load the
 * top-level v8 from build/cli and get its module object instead of the function.
 */
function ownStringWidthExternal() {
  return {
    name: 'own-string-width-external',
    setup(b) {
      b.onResolve({ filter: /^string-width$/ }, (args) => (/[\\/]node_modules[\\/]/.test(args.importer) ? undefined : { path: 'string-width', external: true }));
    },
  };
}

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'build', 'cli');
const result = await build({
  entryPoints: { 'main.bundle': join(cli, 'main.js'), 'check-worker.bundle': join(cli, 'check-worker.js') },
  outdir: cli,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['exceljs', 'chart.js'],
  sourcemap: 'linked',
  logLevel: 'warning',
  write: false,
  plugins: [lazyChildProcess(), ownStringWidthExternal()],
});
// esbuild escapes non-ASCII text in strings but not in regular expressions and kept comments (Hangul in
// both): escaped here too (\uXXXX means the same there), so the bundle is ASCII and bin/cached-load.js
// reads it without decoding UTF-8 (≈ 3 ms of each start).
const escapeNonAscii = (text) => text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
for (const out of result.outputFiles) writeFileSync(out.path, out.path.endsWith('.js') ? escapeNonAscii(out.text) : out.contents);
