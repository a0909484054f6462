#!/usr/bin/env node
'use strict';
// The CLI is TypeScript compiled into build/ (npm run build:cli; `npm install` runs it through `prepare`).
const path = require('path');
const fs = require('fs');

const entry = path.join(__dirname, '..', 'build', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write(
    'jobtarget: 빌드된 CLI가 없습니다. 먼저 `npm run build:cli`를 실행하세요 ' +
      '(the CLI is not built: run `npm run build:cli` first)\n',
  );
  process.exit(2);
}
require(entry);
