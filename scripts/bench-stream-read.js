// Reads every row of every sheet of an .xlsx with exceljs's streaming reader: the yardstick
// the end-to-end benchmark (scripts/bench-books.ts) holds `finsam rapporter` against.
const ExcelJS = require('exceljs');

async function main(file) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit' });
  let rows = 0;
  for await (const sheet of reader) for await (const row of sheet) if (row) rows++;
  process.stdout.write(`${rows}\n`);
}

main(process.argv[2]).catch((e) => {
  process.stderr.write(`${e.message}\n`);
  process.exit(2);
});
