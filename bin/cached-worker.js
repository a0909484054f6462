'use strict';
// A worker thread's script (cli/pool.ts): runs the bundle named in workerData with V8's code cache (cached-load.js).
const { workerData } = require('worker_threads');
require('./cached-load').loadCached(workerData.cachedLoad, 'worker');
