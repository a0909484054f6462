/**
 * Browser bundle of the scripted Excel host for the e2e tests: the test double (test/office-double) plus the
 * injector (test/e2e/host/injector.ts), as one self-executing script that sets window.__JOBTARGET_HOST__,
 * window.__excelDouble and window.__e2e. test/e2e/build.mjs runs it; the tests inject the output with
 * page.addInitScript before the task pane's scripts.
 *
 *   npx webpack --config test/e2e/webpack.host.config.js   → .cache/e2e/host/host.js
 *
 * Target web with no Node fallbacks: a Node built-in reaching the double fails the build.
 */
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const cache = process.env.E2E_CACHE_DIR ? path.resolve(process.env.E2E_CACHE_DIR) : path.join(root, '.cache', 'e2e');

/** @type {import('webpack').Configuration} */
module.exports = {
  mode: 'development',
  context: root,
  target: ['web', 'es2020'],
  // No eval-based source maps: the bundle is injected as a string and must run as plain script.
  devtool: false,
  entry: { host: './test/e2e/host/injector.ts' },
  output: {
    path: path.join(cache, 'host'),
    filename: '[name].js',
    iife: true,
    clean: true,
  },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          options: {
            transpileOnly: true,
            configFile: path.join(root, 'tsconfig.json'),
            compilerOptions: { module: 'esnext', target: 'es2020', sourceMap: false },
          },
        },
      },
    ],
  },
  optimization: { splitChunks: false, runtimeChunk: false },
  performance: { hints: false },
  stats: 'errors-warnings',
};
