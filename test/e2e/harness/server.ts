/**
 * The https server of the browser tests, on localhost with a free port:
 *   /…              the production add-in build (ADDIN_DIST: taskpane.html, bundles, assets)
 *   /office-js/…    the local copy of office.js and the files it loads next to itself
 *   /e2e/host.js    the Excel test double bundle (also injected with addInitScript; served for debugging)
 * Certificates: generated once with office-addin-dev-certs' generateCertificates (mkcert underneath) into
 * .cache/e2e/certs and reused while valid; nothing is installed into any trust store (Chromium runs with
 * --ignore-certificate-errors).
 */
import { X509Certificate } from 'crypto';
import { existsSync, promises as fs, readFileSync } from 'fs';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { ADDIN_DIST, CERT_DIR, HOST_BUNDLE, OFFICE_JS_DIR } from './paths';

const DAY_MS = 24 * 3600 * 1000;

export interface Certs {
  key: Buffer;
  cert: Buffer;
}

function validCerts(dir: string): Certs | null {
  const certPath = path.join(dir, 'localhost.crt');
  const keyPath = path.join(dir, 'localhost.key');
  if (!existsSync(certPath) || !existsSync(keyPath)) return null;
  try {
    const cert = readFileSync(certPath);
    const x = new X509Certificate(cert);
    if (Date.parse(x.validTo) - Date.now() < DAY_MS || !x.checkHost('localhost')) return null;
    return { cert, key: readFileSync(keyPath) };
  } catch {
    return null;
  }
}

/** A localhost certificate for the test server; generated in-process when missing or about to expire. */
export async function ensureCerts(dir = CERT_DIR): Promise<Certs> {
  const have = validCerts(dir);
  if (have) return have;
  // office-addin-dev-certs is a devDependency; generateCertificates only writes files (no trust-store changes).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const devCerts = require('office-addin-dev-certs') as {
    generateCertificates(ca: string, cert: string, key: string, days?: number, domains?: string[]): Promise<void>;
  };
  await fs.mkdir(dir, { recursive: true });
  await devCerts.generateCertificates(
    path.join(dir, 'ca.crt'),
    path.join(dir, 'localhost.crt'),
    path.join(dir, 'localhost.key'),
    30,
    ['localhost', '127.0.0.1'],
  );
  const made = validCerts(dir);
  if (!made) throw new Error(`could not create a localhost certificate in ${dir}`);
  return made;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ServedRequest {
  method: string;
  path: string;
  status: number;
}

export interface TestServer {
  /** https://localhost:<port> */
  origin: string;
  port: number;
  /** Every request the server answered, in order. */
  log: ServedRequest[];
  close(): Promise<void>;
}

export interface ServerOptions {
  dist?: string;
  officeJsDir?: string;
  hostBundle?: string;
  port?: number;
}

/** Resolves `rel` inside `dir`, or null when it escapes it. */
function inside(dir: string, rel: string): string | null {
  const file = path.resolve(dir, '.' + path.posix.normalize('/' + rel));
  return file === dir || file.startsWith(dir + path.sep) ? file : null;
}

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const dist = path.resolve(options.dist ?? ADDIN_DIST);
  const officeJsDir = path.resolve(options.officeJsDir ?? OFFICE_JS_DIR);
  const hostBundle = path.resolve(options.hostBundle ?? HOST_BUNDLE);
  for (const [what, p] of [
    ['add-in build', path.join(dist, 'taskpane.html')],
    ['office.js copy', path.join(officeJsDir, 'office.js')],
    ['host bundle', hostBundle],
  ] as const) {
    if (!existsSync(p)) throw new Error(`e2e: the ${what} is missing (${p}). Run the browser tests with npm run test:e2e.`);
  }
  const certs = await ensureCerts();
  const log: ServedRequest[] = [];

  const server = https.createServer({ key: certs.key, cert: certs.cert }, (req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'https://localhost').pathname);
    let file: string | null = null;
    if (urlPath === '/e2e/host.js') file = hostBundle;
    else if (urlPath.startsWith('/office-js/')) file = inside(officeJsDir, urlPath.slice('/office-js/'.length));
    else file = inside(dist, urlPath === '/' ? 'taskpane.html' : urlPath.slice(1));
    const send = (status: number, body: Buffer | string, type = 'text/plain; charset=utf-8') => {
      log.push({ method: req.method ?? 'GET', path: urlPath, status });
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    if (!file) return send(404, 'not found');
    fs.readFile(file).then(
      (body) => send(200, body, TYPES[path.extname(file!).toLowerCase()] ?? 'application/octet-stream'),
      () => send(404, 'not found'),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `https://localhost:${port}`,
    port,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
