/**
 * Webpack build of the Excel add-in: the task pane (React + Fluent UI) and the ribbon's function file.
 *
 *   npm run build:addin                       → dist/ (production; manifest URLs stay https://localhost:3000)
 *   ADDIN_URL=https://addins.example.go.kr/jobtarget npm run build:addin
 *                                             → dist/manifest.xml points at that host instead
 *   OFFICE_JS_URL=/office.js npm run build:addin
 *                                             → the pages load office.js from there (e2e: a local copy)
 *   npm start / npx webpack serve --mode development
 *                                             → https://localhost:3000 with office-addin-dev-certs certificates
 *
 * The bundle must stay browser-only: Node built-ins resolve to nothing (resolve.fallback false), and the
 * NoNodeInBundlePlugin fails the build when any of them, or a Node-only package (exceljs, commander, …),
 * is reached from the add-in's entry points.
 */
const path = require('path');
const { builtinModules } = require('module');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { WebpackError } = require('webpack');

const DEV_URL = 'https://localhost:3000';
/** JavaScript version of the oldest supported webview; every emitted script must parse at it. */
const ES_TARGET = 'es2020';
const DEFAULT_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Packages that only make sense in Node (the CLI's); they must never reach the add-in bundle. */
const NODE_ONLY_PACKAGES = ['exceljs', 'commander', 'cli-progress', 'fs-extra', 'jszip', 'archiver', 'unzipper'];

const builtins = [...new Set(builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.replace(/^node:/, '')))];

/** Fails the compilation when a Node built-in or a Node-only package is part of the module graph. */
class NoNodeInBundlePlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap('NoNodeInBundlePlugin', (compilation) => {
      compilation.hooks.finishModules.tap('NoNodeInBundlePlugin', (modules) => {
        for (const module of modules) {
          const id = module.identifier();
          const resource = module.resource ? module.resource.split(path.sep).join('/') : '';
          let what = null;
          if (id.startsWith('ignored|')) what = `Node built-in "${id.split('|').pop()}"`;
          else if (/^node:/.test(module.request || '')) what = `Node built-in "${module.request}"`;
          else {
            const pkg = NODE_ONLY_PACKAGES.find((p) => resource.includes(`/node_modules/${p}/`));
            if (pkg) what = `Node-only package "${pkg}"`;
          }
          if (!what) continue;
          const chain = [];
          for (let m = module, i = 0; m && i < 8; i++) {
            const issuer = compilation.moduleGraph.getIssuer(m);
            if (!issuer) break;
            chain.push(path.relative(__dirname, issuer.resource || issuer.identifier()));
            m = issuer;
          }
          const err = new WebpackError(
            `${what} is imported into the add-in bundle (via ${chain.join(' ← ') || 'an entry point'}). ` +
              'The task pane runs in a browser: keep Node-only code (CLI, xlsx adapter, fs) out of src/taskpane and src/commands.',
          );
          err.module = module;
          compilation.errors.push(err);
        }
      });
    });
  }
}

function addinUrl(env) {
  const raw = (process.env.ADDIN_URL || (env && env.ADDIN_URL) || '').trim();
  if (!raw) return DEV_URL;
  const url = raw.replace(/\/+$/, '');
  if (!/^https:\/\/[^/\s]+(\/\S*)?$/.test(url)) {
    throw new Error(`ADDIN_URL must be an https:// URL (Office loads add-ins only over https): ${raw}`);
  }
  return url;
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || process.env.NODE_ENV || 'production';
  const dev = mode === 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = addinUrl(env);
  const officeJsUrl = process.env.OFFICE_JS_URL || env.OFFICE_JS_URL || DEFAULT_OFFICE_JS;

  /** @type {import('webpack').Configuration} */
  const config = {
    mode,
    context: __dirname,
    // The oldest webview we support (see docs/addin.md, "Supported Excel versions"): Chromium 80+ (WebView2,
    // Edge, Chrome) and Safari 14+ (Mac). Both parse ES2020; test/bundle/addin-build.test.ts holds dist/ to it.
    target: ['web', ES_TARGET],
    devtool: dev ? 'eval-cheap-module-source-map' : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'],
      // Node built-ins resolve to nothing; NoNodeInBundlePlugin turns any use of them into a build error.
      fallback: Object.fromEntries(builtins.map((m) => [m, false])),
    },
    module: {
      rules: [
        {
          // Rules' long docs are for docs/rules.md, never shown by the add-in (scripts/webpack/strip-rule-docs.cjs).
          test: /[\\/]src[\\/]core[\\/]rules[\\/].+\.ts$/,
          enforce: 'pre',
          use: path.resolve(__dirname, 'scripts/webpack/strip-rule-docs.cjs'),
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // ES modules so webpack can tree-shake Fluent UI; the repo's tsconfig emits CommonJS for Node.
              compilerOptions: { module: 'esnext', target: ES_TARGET, sourceMap: true },
            },
          },
        },
        {
          // Packages ship newer syntax than the oldest webview parses (tabster: class static blocks, ES2022).
          // TypeScript lowers it; [[Define]] semantics for class fields are kept as the packages expect.
          test: /\.m?js$/,
          include: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              compilerOptions: { allowJs: true, checkJs: false, module: 'esnext', target: ES_TARGET, useDefineForClassFields: true, sourceMap: true },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // React + Fluent UI change rarely: a separate, long-cached chunk shared by both pages if needed.
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: 'vendor',
            chunks: (chunk) => chunk.name === 'taskpane',
            priority: 10,
          },
        },
      },
    },
    performance: {
      hints: dev ? false : 'warning',
      maxEntrypointSize: 900 * 1024,
      maxAssetSize: 900 * 1024,
    },
    plugins: [
      new NoNodeInBundlePlugin(),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        officeJsUrl,
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        officeJsUrl,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/support.html', to: 'support.html' },
          { from: 'src/commands/quickcheck.html', to: 'quickcheck.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : content.toString('utf8').split(DEV_URL).join(baseUrl)),
          },
        ],
      }),
    ],
    stats: dev ? 'minimal' : 'normal',
  };

  if (serving) {
    // The dev server needs https: certificates from office-addin-dev-certs, without dying when the CA can't be
    // installed (root without sudo). scripts/start.mjs passes them in; `webpack serve` alone gets them here.
    let https = env.httpsOptions;
    if (!https) {
      const { ensureCerts, CertError } = await import('./scripts/certs.mjs');
      try {
        const r = await ensureCerts();
        r.messages.forEach((m) => console.log(m));
        https = { key: r.key, cert: r.cert, ca: r.ca };
      } catch (e) {
        console.error(e instanceof CertError ? e.message : String(e && e.message ? e.message : e));
        process.exit(1);
      }
    }
    config.devServer = {
      port: 3000,
      host: 'localhost',
      server: { type: 'https', options: https },
      headers: { 'Access-Control-Allow-Origin': '*' },
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false }, logging: 'warn' },
      static: false,
      devMiddleware: { writeToDisk: false },
    };
  }

  return config;
};

module.exports.NODE_ONLY_PACKAGES = NODE_ONLY_PACKAGES;
module.exports.DEFAULT_OFFICE_JS = DEFAULT_OFFICE_JS;
module.exports.ES_TARGET = ES_TARGET;
