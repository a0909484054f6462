// Loaded with `node --require` by the fuzz runner: writes the process's peak resident memory (KB; every
// worker thread included) to $JOBTARGET_RSS_FILE when the process exits.
const fs = require('fs');
const file = process.env.JOBTARGET_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // nothing to report to
    }
  });
}
