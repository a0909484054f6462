'use strict';
// A worker thread's script (cli/pool.ts): sets the V8 flags the pool names (cli/jit.ts) now that Node's
// start-up in this thread is done, then runs the bundle named in workerData with V8's code cache
// (cached-load.js), kept under the kind the pool names (by those flags).
const { workerData } = require('worker_threads');
if (workerData.v8Flags) require('v8').setFlagsFromString(workerData.v8Flags);
require('./cached-load').loadCached(workerData.cachedLoad, workerData.cacheKind || 'worker');
