#!/usr/bin/env node
/**
 * HTTPS certificates for https://localhost:3000, from office-addin-dev-certs, that never die with a stack trace.
 *
 * office-addin-dev-certs' getHttpsServerOptions() generates a CA and a localhost certificate in
 * ~/.office-addin-dev-certs and installs the CA into the OS trust store. Installing needs sudo on Linux
 * (and on macOS for the system keychain); as root without sudo — a container, a CI machine — it fails, and
 * calling it again would delete and regenerate the CA every time (so a CA the user trusted by hand would stop
 * working). So:
 *   1. valid certificate files present → use them; if their CA is not trusted, try once to install it, and
 *      when that fails print how to trust it by hand (the files are kept, so trusting them once is enough);
 *   2. none (or expired) → getHttpsServerOptions(): generate + install; if installing fails, use the files it
 *      generated anyway; if nothing was generated, generateCertificates() (mkcert) without installing.
 * Only when no certificate can be produced at all does ensureCerts() throw, with a CertError whose message is
 * meant for people (callers print it without the stack).
 *
 *   node scripts/certs.mjs            # make sure the certificates exist; print where and whether trusted
 *   node scripts/certs.mjs --no-install
 *
 * Env JOBTARGET_NO_CA_INSTALL=1 skips every install attempt (CI, e2e).
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

export class CertError extends Error {}

/** Where office-addin-dev-certs keeps its files (computed the same way it does). */
export function certPaths() {
  const dir = join(homedir(), '.office-addin-dev-certs');
  return { dir, ca: join(dir, 'ca.crt'), cert: join(dir, 'localhost.crt'), key: join(dir, 'localhost.key') };
}

const DAY_MS = 24 * 3600 * 1000;

/** The files, when all three exist, parse, chain to the CA, name localhost and stay valid for more than a day. */
function readValidFiles(paths = certPaths()) {
  try {
    if (![paths.ca, paths.cert, paths.key].every((p) => existsSync(p))) return null;
    const ca = readFileSync(paths.ca);
    const cert = readFileSync(paths.cert);
    const key = readFileSync(paths.key);
    const leaf = new X509Certificate(cert);
    const root = new X509Certificate(ca);
    if (!leaf.checkIssued(root) || !leaf.verify(root.publicKey)) return null;
    if (Date.parse(leaf.validTo) - Date.now() < DAY_MS) return null;
    if (!leaf.checkHost('localhost')) return null;
    return { ca, cert, key, validTo: new Date(Date.parse(leaf.validTo)) };
  } catch {
    return null;
  }
}

/** Runs fn with office-addin-dev-certs' console chatter collected instead of printed. */
async function quietly(fn) {
  const lines = [];
  const saved = { log: console.log, error: console.error, warn: console.warn };
  console.log = console.error = console.warn = (...a) => lines.push(a.join(' '));
  try {
    return { value: await fn(), lines };
  } catch (error) {
    return { error, lines };
  } finally {
    Object.assign(console, saved);
  }
}

function firstLine(error) {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 2).join(' — ');
}

/** How to trust the CA by hand, for this platform. */
export function trustInstructions(caPath = certPaths().ca, platform = process.platform) {
  const common = [
    `The add-in's dev server uses a certificate signed by the development CA in`,
    `  ${caPath}`,
    `Until your browser / Office trusts that CA, Office will refuse to load https://localhost:3000.`,
    `Trust it once (the files are kept and reused, so this stays valid until they expire):`,
  ];
  if (platform === 'win32') {
    return [...common,
      `  certutil -user -addstore Root "${caPath}"`,
      `  (or double-click ca.crt → Install Certificate → Current User → "Trusted Root Certification Authorities")`,
    ].join('\n');
  }
  if (platform === 'darwin') {
    return [...common,
      `  security add-trusted-cert -d -r trustRoot -k ~/Library/Keychains/login.keychain-db "${caPath}"`,
    ].join('\n');
  }
  return [...common,
    `  as root:   cp "${caPath}" /usr/local/share/ca-certificates/office-addin-dev-ca.crt && update-ca-certificates`,
    `  Chrome/Chromium (per user NSS store): certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Office Add-in Dev CA" -i "${caPath}"`,
    `  Firefox: Settings → Privacy & Security → Certificates → View Certificates → Authorities → Import…`,
    `  Excel on the web runs in the browser of the machine you open it on: trust the CA *there*, and if the server`,
    `  runs elsewhere forward the port: ssh -L 3000:localhost:3000 <this machine>.`,
  ].join('\n');
}

function isTrusted(devCerts) {
  try {
    return devCerts.verifyCertificates() === true;
  } catch {
    return false;
  }
}

/**
 * Makes sure there is a usable localhost certificate. Returns { key, cert, ca, trusted, paths, messages };
 * `messages` are for the user (printed by the caller). Throws CertError only when no certificate could be made.
 */
export async function ensureCerts({ install = process.env.JOBTARGET_NO_CA_INSTALL !== '1' } = {}) {
  let devCerts;
  try {
    devCerts = require('office-addin-dev-certs');
  } catch (e) {
    throw new CertError(`office-addin-dev-certs is not installed (${firstLine(e)}). Run npm install.`);
  }
  const paths = certPaths();
  const messages = [];
  const done = (files, trusted) => {
    if (!trusted) messages.push(trustInstructions(paths.ca));
    return { key: files.key, cert: files.cert, ca: files.ca, trusted, validTo: files.validTo, paths, messages };
  };

  // 1. Reuse valid files.
  let files = readValidFiles(paths);
  if (files) {
    if (isTrusted(devCerts)) return done(files, true);
    if (install) {
      const r = await quietly(() => devCerts.installCaCertificate(paths.ca));
      if (!r.error) {
        messages.push(`Installed the development CA (${paths.ca}) into the trust store.`);
        return done(files, true);
      }
      messages.push(`Could not install the development CA: ${firstLine(r.error)}`);
    } else {
      messages.push('CA install skipped (--no-install / JOBTARGET_NO_CA_INSTALL=1).');
    }
    return done(files, false);
  }

  // 2. Generate (and install, where allowed).
  if (install) {
    const r = await quietly(() => devCerts.getHttpsServerOptions());
    files = readValidFiles(paths);
    if (!r.error && files) {
      messages.push(`Generated the development certificates in ${paths.dir} and trusted their CA.`);
      return done(files, true);
    }
    if (r.error) messages.push(`Could not install the development CA: ${firstLine(r.error)}`);
    if (files) {
      messages.push(`Generated the development certificates in ${paths.dir} (CA not installed).`);
      return done(files, false);
    }
  }
  const g = await quietly(async () => {
    devCerts.deleteCertificateFiles?.(paths.dir);
    await devCerts.generateCertificates(paths.ca, paths.cert, paths.key);
  });
  files = readValidFiles(paths);
  if (files) {
    messages.push(`Generated the development certificates in ${paths.dir} without installing the CA.`);
    return done(files, false);
  }
  throw new CertError(
    `Could not create an HTTPS certificate for localhost in ${paths.dir}` +
      (g.error ? `: ${firstLine(g.error)}` : '') +
      `.\nTry: npx office-addin-dev-certs install   (or delete ${paths.dir} and run again)`,
  );
}

// CLI
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const install = !process.argv.includes('--no-install') && process.env.JOBTARGET_NO_CA_INSTALL !== '1';
  ensureCerts({ install }).then(
    (r) => {
      for (const m of r.messages) console.log(m);
      console.log(`Certificate: ${r.paths.cert} (valid until ${r.validTo.toISOString().slice(0, 10)})`);
      console.log(`Key:         ${r.paths.key}`);
      console.log(`CA:          ${r.paths.ca} — ${r.trusted ? 'trusted' : 'NOT trusted (see above)'}`);
    },
    (e) => {
      console.error(e instanceof CertError ? e.message : `Certificate setup failed: ${firstLine(e)}`);
      process.exitCode = 1;
    },
  );
}
