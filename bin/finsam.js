#!/usr/bin/env node
// Kommandoradens ingång: kör den byggda CLI:n i lib/ (byggs av `npm ci` via prepare).
'use strict';
// V8 grows its heap by up to four times what is live before it collects; for a run that
// reads a huvudbok of a million rows that is gigabytes of garbage held. Steps of 20 % keep
// the peak near what the run holds, for a few percent of time. (Read by V8 at each
// collection, so it takes effect when set here, before any work.)
require('v8').setFlagsFromString('--heap-growing-percent=20');
const path = require('path');
const fs = require('fs');
const built = path.join(__dirname, '..', 'lib', 'cli', 'main.js');
if (!fs.existsSync(built)) {
  process.stderr.write('Finsam Ekonomi är inte byggt ännu. Kör `npm run build:cli` i projektmappen.\n');
  process.exit(2);
}
require(built).main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
