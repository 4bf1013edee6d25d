#!/usr/bin/env node
// Kommandoradens ingång: kör den byggda CLI:n i lib/ (byggs av `npm ci` via prepare).
'use strict';
const path = require('path');
const fs = require('fs');
const built = path.join(__dirname, '..', 'lib', 'cli', 'main.js');
if (!fs.existsSync(built)) {
  process.stderr.write('Finsam Ekonomi är inte byggt ännu. Kör `npm run build:cli` i projektmappen.\n');
  process.exit(2);
}
require(built).main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
