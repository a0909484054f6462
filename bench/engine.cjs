#!/usr/bin/env node
'use strict';
/**
 * The engine figure of `npm run bench`, in a process of its own: the bench's parent has generated the
 * workbooks and holds their heap, which would make garbage collection during the engine's runs depend on
 * what the bench did before. Reads the plan once and validates it WARMUP times, then REPS times more.
 * Prints, as JSON, the process CPU in ms (all of V8's threads: garbage collection and compiling count) of
 * the first validation (`first`: a process's first check, V8 compiling as it goes) and of each measured
 * one (`runs`: the engine once V8 has compiled it; until about the fourth check it is still compiling).
 *
 *   node bench/engine.cjs PLAN.xlsx [REPS] [WARMUP]
 */
const path = require('path');

const ROOT = path.join(__dirname, '..');
const { readXlsxFile } = require(path.join(ROOT, 'build/adapters/xlsx/read.js'));
const { validateGrid } = require(path.join(ROOT, 'build/core/validate.js'));

(async () => {
  const grid = (await readXlsxFile(process.argv[2])).grid;
  const cpuMs = () => {
    const c = process.cpuUsage();
    validateGrid(grid);
    const d = process.cpuUsage(c);
    return (d.user + d.system) / 1000;
  };
  const first = cpuMs();
  for (let i = 1; i < Number(process.argv[4] ?? 3); i++) cpuMs();
  const runs = [];
  for (let i = 0; i < Number(process.argv[3] ?? 5); i++) runs.push(cpuMs());
  process.stdout.write(JSON.stringify({ first, runs }));
})();
