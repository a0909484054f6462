#!/usr/bin/env node
/**
 * npm run size — builds the add-in (production) into .cache/size and checks that the scripts the task pane
 * loads to open stay within the gzipped budget of test/e2e/build.mjs (chunks loaded on demand, such as the
 * 한글 export, are listed with their own cap). Exit 1 above it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BUNDLE_BUDGET_BYTES, ROOT, checkBundleBudget } from '../test/e2e/build.mjs';

const out = join(ROOT, '.cache', 'size');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const build = spawnSync(npm, ['run', 'build:addin', '--', '--output-path', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);
try {
  const sizes = checkBundleBudget(out);
  for (const f of sizes.files) console.log(`${f.file.padEnd(40)} ${(f.gzip / 1024).toFixed(1).padStart(7)} KB gzipped`);
  console.log(`total ${(sizes.total / 1024).toFixed(1)} KB of ${BUNDLE_BUDGET_BYTES / 1024} KB (what the pane loads to open)`);
  for (const f of sizes.lazy) console.log(`${f.file.padEnd(40)} ${(f.gzip / 1024).toFixed(1).padStart(7)} KB gzipped, loaded on demand`);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
