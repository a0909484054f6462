#!/usr/bin/env node
'use strict';
/**
 * One `jobtarget check` run as users run it (bin/jobtarget.js: the bundle, its code cache, its worker
 * threads), measured from inside the process so every worker thread is counted. The figures go to the
 * file named by BENCH_RESULT: wall ms, CPU ms, peak RSS KB, exit code.
 *
 *   BENCH_RESULT=out.json node bench/measure.cjs CHECK-ARGS...
 */
const { writeFileSync } = require('fs');
const path = require('path');

const BIN = path.join(__dirname, '..', 'bin', 'jobtarget.js');
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
process.on('exit', () => {
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(c0);
  writeFileSync(process.env.BENCH_RESULT, JSON.stringify({ wall, cpu: (cpu.user + cpu.system) / 1000, maxRssKb: process.resourceUsage().maxRSS, code: process.exitCode ?? 0 }));
});
process.argv = [process.argv[0], BIN, 'check', ...process.argv.slice(2)];
require(BIN);
