/** Writes a report file (-o): folders are created like ESLint's; a temporary file renamed in place, so a reader never sees half a report. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { trackTemporaryFile } from '../adapters/output';

export async function writeReportFile(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const release = trackTemporaryFile(tmp);
  try {
    await fs.writeFile(tmp, text, 'utf8');
    await fs.rename(tmp, file);
  } finally {
    await release();
  }
}
