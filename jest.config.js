/**
 * ESM-only packages the CLI uses (string-width and its dependencies). Node 20 loads them with require(esm);
 * jest's module system does not (before Node 24.9), so jest compiles them to CommonJS like our own sources.
 */
const ESM_PACKAGES = ['string-width', 'strip-ansi', 'ansi-regex', 'get-east-asian-width', 'emoji-regex'];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    [`/node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`]: [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'CommonJS', target: 'ES2022', esModuleInterop: true }, isolatedModules: true },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  // The seeds, 한글's documents and the manifest schemas are read from ../shared: one clear message if it is not there.
  globalSetup: '<rootDir>/test/support/shared-folder.js',
  // Many tests run the whole CLI in-process on real workbooks; on a busy 2-core machine the first one of a
  // file also pays for compiling it. 30 s still ends a test that hangs; speed is measured by `npm run bench`.
  testTimeout: 30_000,
};
