#!/usr/bin/env node
/**
 * npm run size — builds the add-in (production) into .cache/size and checks that the task pane's scripts
 * (dist/*.js) together stay within the gzipped budget of test/e2e/build.mjs. Exit 1 above it.
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
  console.log(`total ${(sizes.total / 1024).toFixed(1)} KB of ${BUNDLE_BUDGET_BYTES / 1024} KB`);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
