/**
 * Regenerates the .xlsx fixtures under test/fixtures/ (see test/fixtures/README.md).
 * Run with `npm run fixtures`, which compiles this file with tsc into .cache/ and runs it with node.
 */
import * as path from 'path';
import { makeFixtures } from '../test/support/fixtures';

const dir = path.resolve(process.argv[2] ?? 'test/fixtures');
makeFixtures(dir).then(
  (files) => {
    process.stdout.write(`${files.length} fixtures written to ${path.relative(process.cwd(), dir) || dir}:\n${files.map((f) => `  ${f}`).join('\n')}\n`);
  },
  (e: unknown) => {
    process.stderr.write(`make-fixtures: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
