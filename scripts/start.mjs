#!/usr/bin/env node
/**
 * npm start: certificates → webpack-dev-server on https://localhost:3000 → sideload into desktop Excel where
 * there is one (Windows: registry key, macOS: wef folder); on Linux keep serving and print how to upload the
 * manifest to Excel on the web. Ctrl+C stops the server and undoes the sideload.
 *
 *   npm start                    # as above
 *   npm start -- --no-sideload   # only serve
 *   npm start -- --no-install    # don't try to install the dev CA (also JOBTARGET_NO_CA_INSTALL=1)
 *   npm start -- --no-open       # sideload, but don't start Excel
 *   npm start -- --keep-sideload # leave the add-in registered after Ctrl+C
 */
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CertError, ensureCerts } from './certs.mjs';
import { sideload, webInstructions } from './sideload.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifestPath = join(root, 'manifest.xml');
const PORT = 3000;
const URL = `https://localhost:${PORT}`;
const args = new Set(process.argv.slice(2));

const say = (...lines) => lines.forEach((l) => console.log(l));
const rule = () => console.log('─'.repeat(72));

function fail(message) {
  console.error(`\n✖ ${message}`);
  process.exit(1);
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.once('listening', () => srv.close(() => resolve(true)));
    srv.listen(port, 'localhost');
  });
}

async function main() {
  // 1. Certificates.
  rule();
  say('1/3 HTTPS certificate (office-addin-dev-certs)');
  let certs;
  try {
    certs = await ensureCerts({ install: !args.has('--no-install') && process.env.JOBTARGET_NO_CA_INSTALL !== '1' });
  } catch (e) {
    fail(e instanceof CertError ? e.message : `Certificate setup failed: ${e && e.message ? e.message : e}`);
  }
  certs.messages.forEach((m) => say(m));
  say(`Certificate: ${certs.paths.cert}`, `CA: ${certs.paths.ca} — ${certs.trusted ? 'trusted' : 'NOT trusted (see above)'}`);

  // 2. Dev server.
  rule();
  say(`2/3 Dev server ${URL}`);
  if (!(await portFree(PORT))) {
    fail(`Port ${PORT} is in use. The manifest points at ${URL}: stop whatever listens there (another npm start?) and retry.`);
  }
  let webpack, WebpackDevServer, makeConfig;
  try {
    webpack = require('webpack');
    WebpackDevServer = require('webpack-dev-server');
    makeConfig = require(join(root, 'webpack.config.js'));
  } catch (e) {
    fail(`Cannot load webpack (${e.message.split('\n')[0]}). Run npm install.`);
  }
  const config = await makeConfig(
    { WEBPACK_SERVE: true, httpsOptions: { key: certs.key, cert: certs.cert, ca: certs.ca } },
    { mode: 'development' },
  );
  const compiler = webpack(config);
  const firstBuild = new Promise((resolve) => compiler.hooks.done.tap('start', (stats) => resolve(stats)));
  // start.mjs handles Ctrl+C itself (stop the server, then undo the sideload).
  const server = new WebpackDevServer({ ...config.devServer, setupExitSignals: false }, compiler);
  try {
    await server.start();
  } catch (e) {
    fail(`The dev server did not start: ${e.message.split('\n')[0]}`);
  }
  const stats = await firstBuild;
  if (stats.hasErrors()) {
    say('The first build has errors (see above); the server keeps running and rebuilds on save.');
  } else {
    say(`Serving ${URL}/taskpane.html, ${URL}/commands.html, ${URL}/manifest.xml (${Math.round(stats.endTime - stats.startTime)} ms build).`);
  }

  // 3. Sideload.
  rule();
  say('3/3 Sideload');
  let undo = null;
  if (args.has('--no-sideload')) {
    say('Skipped (--no-sideload).', ...webInstructions(manifestPath, URL));
  } else {
    const r = sideload(manifestPath, { openExcel: !args.has('--no-open') });
    say(...r.lines);
    if (r.ok && r.undo && !args.has('--keep-sideload')) undo = r.undo;
    if (r.ok && !certs.trusted) say('Note: the dev CA is not trusted yet, so Excel will refuse to load the pane until you trust it (see 1/3).');
  }
  rule();
  say('Serving. Press Ctrl+C to stop.');

  // Ctrl+C: stop the server, undo the sideload, exit.
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: stopping…`);
    const timer = setTimeout(() => process.exit(0), 5000);
    timer.unref();
    try {
      await server.stop();
    } catch {
      // already stopped
    }
    if (undo) say(...undo());
    say('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => fail(e && e.message ? e.message : String(e)));
