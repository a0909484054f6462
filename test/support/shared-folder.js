/**
 * jest's globalSetup: the tests read the shared folder beside the clone (../shared: the seed plans, the
 * documents 한글 saved, Microsoft's manifest schemas), as CI has it. Without it, say so once, before any
 * test, instead of a missing-file error in each test that reads it.
 */
const fs = require('fs');
const path = require('path');

const NEEDED = ['seeds/000_1460237eb9005d6d.txt', 'hwpx-samples/reader_writer-SimpleTable.hwpx', 'office-schemas/OfficeAppManifestV1_1.xsd'];

module.exports = async function sharedFolder() {
  const shared = path.resolve(__dirname, '../../../shared');
  const missing = NEEDED.filter((f) => !fs.existsSync(path.join(shared, f)));
  if (missing.length) {
    throw new Error(
      `The tests need the shared folder beside the clone: ${shared} (missing: ${missing.join(', ')}). ` +
        'Clone the repository next to it (CI does: the clone and shared/ in one folder).',
    );
  }
};
