/**
 * Jest config of the browser tests (npm run test:e2e → test/e2e/run.mjs, which builds first).
 * Node environment: the tests drive headless Chromium through playwright-core; one https server for the
 * whole run (global setup), one browser per test file, files one after another (2 cores).
 * @type {import('jest').Config}
 */
const path = require('path');

module.exports = {
  rootDir: path.resolve(__dirname, '..', '..'),
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  globalSetup: '<rootDir>/test/e2e/harness/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/harness/global-teardown.ts',
  testTimeout: 90_000,
  maxWorkers: 1,
  verbose: true,
};
