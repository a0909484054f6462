'use strict';
/**
 * Runs a bundled CommonJS file (build/cli/*.bundle.js) with V8's code cache, so a run starts without
 * compiling the code again: Node 20 has no module compile cache of its own (module.enableCompileCache
 * came in Node 22). The cache is V8's bytecode, made after a run (so it holds the functions that run
 * used) and kept in build/cli/.v8-cache/, one file per bundle, command kind and content hash of the
 * bundle; a cache that does not fit (another Node, another build) is rejected by V8 and made again.
 * When the folder cannot be written (a read-only install), the code simply runs uncached.
 */
const { isAscii } = require('buffer');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { createRequire } = require('module');

/** Runs `file` as a CommonJS module; `kind` names the cache ('check', 'other'; a worker's: cli/jit.ts). */
function loadCached(file, kind) {
  const bytes = fs.readFileSync(file);
  // The bundle is ASCII (scripts/bundle-cli.mjs): read as such, without decoding UTF-8.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const hash = crypto.createHash('sha1').update(bytes).update(process.version).update(process.arch).digest('hex').slice(0, 16);
  const dir = path.join(path.dirname(file), '.v8-cache');
  const base = `${path.basename(file, '.js')}-${kind}-`;
  const cacheFile = path.join(dir, `${base}${hash}.bin`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // The same wrapper Node puts around a CommonJS module, on the first line so line numbers stay right.
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n})`;
  const script = new vm.Script(wrapped, {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants && vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const mod = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext().call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  if (cachedData === undefined || script.cachedDataRejected) {
    // After the run: the cache then holds every function the run compiled, not just the top level.
    // The hook (cli/code-cache.ts) lets the code say when instead: a worker thread is ended by the pool,
    // not exited, so it saves after its first file; a batch's main thread skips. And V8 accepts a cache
    // only under the flags it was made with: `beforeSave` puts back flags the run changed (cli/jit.ts).
    let done = false;
    const hook = {
      beforeSave: undefined,
      save: () => {
        if (!done) {
          if (hook.beforeSave) hook.beforeSave();
          saveCache(script, dir, base, cacheFile);
        }
        done = true;
      },
      skip: () => (done = true),
    };
    process.once('exit', hook.save);
    globalThis[Symbol.for('jobtarget.codeCache')] = hook;
  }
  return mod.exports;
}

function saveCache(script, dir, base, cacheFile) {
  try {
    fs.mkdirSync(dir, { recursive: true });
    // Earlier caches of this bundle and kind (another build or Node), and temporary files left by a killed run;
    // only those: one kind's name may begin with another's ('worker', 'worker-tuned').
    const ours = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[0-9a-f]{16}\\.bin(\\.[\\w-]+\\.tmp)?$`);
    for (const old of fs.readdirSync(dir)) if (ours.test(old) && path.join(dir, old) !== cacheFile) fs.rmSync(path.join(dir, old), { force: true });
    // Worker threads share the process id: a random name keeps two savers from writing one file.
    const tmp = `${cacheFile}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(tmp, script.createCachedData());
    fs.renameSync(tmp, cacheFile); // whole or not at all, whatever other runs do at the same time
  } catch {
    // A read-only install: the next run compiles again, nothing else changes.
  }
}

module.exports = { loadCached };
