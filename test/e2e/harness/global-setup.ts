/** Starts the https test server once for the whole run; tests find it in process.env.E2E_ORIGIN. */
import { startServer, type TestServer } from './server';

declare global {
  // eslint-disable-next-line no-var
  var __E2E_SERVER__: TestServer | undefined;
}

export default async function globalSetup(): Promise<void> {
  const server = await startServer();
  globalThis.__E2E_SERVER__ = server;
  process.env.E2E_ORIGIN = server.origin;
  console.log(`\ne2e: serving the add-in build, office.js and the host bundle at ${server.origin}`);
}
