'use strict';
// A worker thread's script (cli/pool.ts): runs the bundle named in workerData with V8's code cache
// (cached-load.js), kept under the kind the pool names (by the V8 flags the worker runs under: cli/jit.ts).
const { workerData } = require('worker_threads');
require('./cached-load').loadCached(workerData.cachedLoad, workerData.cacheKind || 'worker');
