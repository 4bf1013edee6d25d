// A stand-in for office.js in the browser tests: an Excel host backed by the in-memory
// workbook (src/workbook/memory.ts), loaded with the sheets the test serves as JSON. The
// test reads window.__host to see what the task pane wrote and which cell it selected.
import { MemoryExcelHost } from '../../src/workbook/memory';

type Rows = (string | number | boolean | null)[][];
const w = window as unknown as Record<string, unknown>;

const ready = (async () => {
  const data = new URLSearchParams(window.location.search).get('data') ?? 'ok';
  const response = await fetch(`/stub-data/${data}.json`);
  const sheets = (await response.json()) as Record<string, Rows>;
  const host = new MemoryExcelHost();
  for (const [name, rows] of Object.entries(sheets)) host.addSheet(name, rows);
  // ?bladval=… stands for a choice of sheets saved in the workbook by an earlier session.
  const saved = new URLSearchParams(window.location.search).get('bladval');
  if (saved) host.settings.set('finsam.bladval', saved);
  w.__host = host;
  // ?langsam=ms holds every Excel.run for a while, so the test can see the progress bar.
  const slow = Number(new URLSearchParams(window.location.search).get('langsam') ?? 0);
  w.Excel = { run: slow > 0 ? async (batch: Parameters<typeof host.run>[0]) => (await new Promise((r) => setTimeout(r, slow)), host.run(batch)) : host.run };
  return { host: 'Excel', platform: 'OfficeOnline' };
})();

w.Office = { HostType: { Excel: 'Excel' }, onReady: () => ready };
