#!/usr/bin/env node
'use strict';
// The CLI is TypeScript compiled into build/ and bundled into one file (npm run build:cli; `npm install`
// runs it through `prepare`). The bundle runs with V8's code cache (cached-load.js): a quicker start.
const path = require('path');
const fs = require('fs');

const build = path.join(__dirname, '..', 'build', 'cli');
const bundle = path.join(build, 'main.bundle.js');
const entry = path.join(build, 'main.js');
if (fs.existsSync(bundle)) {
  // The cache of a `check` run holds the checker's code; other commands keep their own.
  require('./cached-load').loadCached(bundle, process.argv.includes('check') ? 'check' : 'other');
} else if (fs.existsSync(entry)) {
  require(entry);
} else {
  process.stderr.write(
    'jobtarget: 빌드된 CLI가 없습니다. 먼저 `npm run build:cli`를 실행하세요 ' +
      '(the CLI is not built: run `npm run build:cli` first)\n',
  );
  process.exit(2);
}
