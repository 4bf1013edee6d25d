// finsam rapporter: exit codes, the copy beside the input (never over it), the JSON document
// on stdout with the summary on stderr — also when blocking findings stop the run.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../src/cli/main';
import { cliCapture, EXAMPLES } from './helpers';

const capture = cliCapture;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'finsam-cli-'));
  fs.copyFileSync(path.join(EXAMPLES, 'solleftea-2024.xlsx'), path.join(dir, 'bok.xlsx'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('writes <namn>-rapporter.xlsx beside the input and leaves the input as it was', async () => {
  const input = path.join(dir, 'bok.xlsx');
  const before = fs.readFileSync(input);
  const c = capture();
  expect(await main(['rapporter', input], c.io)).toBe(0);
  expect(fs.readFileSync(input).equals(before)).toBe(true);
  expect(fs.existsSync(path.join(dir, 'bok-rapporter.xlsx'))).toBe(true);
  expect(c.out.join('\n')).toMatch(/Årets resultat: 236 500 kr/);
});

test('--json prints one JSON document in the documented shape', async () => {
  const c = capture();
  expect(await main(['rapporter', path.join(dir, 'bok.xlsx'), '--ut', path.join(dir, 'ut.xlsx'), '--json'], c.io)).toBe(0);
  expect(c.out).toHaveLength(1);
  const doc = JSON.parse(c.out[0]!);
  expect(doc.forbund).toBe('Samordningsförbundet Sollefteå');
  expect(doc.ar).toBe(2024);
  expect(doc.rapporter.resultatrakning).toContainEqual({ rad: 'Årets resultat', utfall: '236500.00', foregaendeAr: '-117094.00', budget: '0.00' });
  expect(doc.rapporter.balansrakning).toContainEqual({ rad: 'Summa eget kapital', utgaende: '820526.00', foregaendeAr: '584026.00' });
  expect(doc.rapporter.driftredovisning).toContainEqual(expect.objectContaining({ rad: 'SamCoach', netto: '-775000.00', budget: '-775000.00', avvikelse: '0.00' }));
  expect(doc.rapporter.driftredovisning.at(-1)).toMatchObject({ rad: 'Resultat', netto: '236500.00' });
  for (const k of doc.kontroller) expect(Object.keys(k).sort()).toEqual(['differens', 'faktiskt', 'forvantat', 'godkand', 'id', 'namn']);
  expect(c.err.join('\n')).toMatch(/Kontroller:/);
});

test('blocking findings: exit 1, no copy written, JSON still printed with the findings', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, 'bok.xlsx'));
  wb.getWorksheet('Huvudbok')!.getCell('G6').value = 'tiotusen';
  await wb.xlsx.writeFile(path.join(dir, 'fel.xlsx'));
  const c = capture();
  expect(await main(['rapporter', path.join(dir, 'fel.xlsx'), '--json'], c.io)).toBe(1);
  expect(fs.existsSync(path.join(dir, 'fel-rapporter.xlsx'))).toBe(false);
  const doc = JSON.parse(c.out[0]!);
  expect(doc.fynd).toContainEqual(expect.objectContaining({ kod: 'belopp-ej-tal', allvarlighet: 'blockerande', celler: ['Huvudbok!G6'] }));
  expect(c.err.join('\n')).toContain('Huvudbok!G6');
});

test('usage and file errors exit 2', async () => {
  expect(await main(['rapporter'], capture().io)).toBe(2);
  expect(await main(['okänt'], capture().io)).toBe(2);
  expect(await main(['rapporter', path.join(dir, 'finns-inte.xlsx')], capture().io)).toBe(2);
  fs.writeFileSync(path.join(dir, 'trasig.xlsx'), 'inte en arbetsbok');
  expect(await main(['rapporter', path.join(dir, 'trasig.xlsx')], capture().io)).toBe(2);
  const input = path.join(dir, 'bok.xlsx');
  expect(await main(['rapporter', input, '--ut', input], capture().io)).toBe(2);
});

test('a budget without a ledger: the budget season’s sheets, exit 0', async () => {
  fs.copyFileSync(path.join(EXAMPLES, 'kramfors-budget-2024.xlsx'), path.join(dir, 'budget.xlsx'));
  const c = capture();
  expect(await main(['rapporter', path.join(dir, 'budget.xlsx')], c.io)).toBe(0);
  expect(fs.existsSync(path.join(dir, 'budget-rapporter.xlsx'))).toBe(true);
  const out = c.out.join('\n');
  expect(out).toMatch(/Skrev Resultatbudget, Balansbudget, Driftbudget, Kontroller/);
  // The example's Inställningar give 2 586 000 kr tilldelade medel; the balansbudget 315 470 kr eget kapital.
  expect(out).toMatch(/Budget 2024: årets resultat 0 kr, eget kapital 315 470 kr, 12,20 % av tilldelade medel/);
});

describe('finsam mal', () => {
  test('writes <namn>-mal.xlsx with Målkontroll and prints the goals', async () => {
    const c = capture();
    expect(await main(['mal', path.join(dir, 'bok.xlsx')], c.io)).toBe(0);
    expect(fs.existsSync(path.join(dir, 'bok-mal.xlsx'))).toBe(true);
    expect(c.out.join('\n')).toMatch(/F1 2024: ej uppfyllt +28,97 %/);
  });

  test('--json: one entry per goal and year in the documented shape', async () => {
    const c = capture();
    expect(await main(['mal', path.join(dir, 'bok.xlsx'), '--ut', path.join(dir, 'ut.xlsx'), '--json'], c.io)).toBe(0);
    expect(c.out).toHaveLength(1);
    const doc = JSON.parse(c.out[0]!);
    expect(doc.forbund).toBe('Samordningsförbundet Sollefteå');
    expect(doc.ar).toBe(2024);
    for (const m of doc.mal) {
      expect(Object.keys(m).sort()).toEqual(['ar', 'gransvarde', 'id', 'mal', 'matt', 'status', 'underlag', 'utfall', 'villkor'].sort());
      expect(typeof m.ar).toBe('number');
      expect(['uppfyllt', 'ej uppfyllt', 'bedöms manuellt', 'kan ej bedömas']).toContain(m.status);
      if (m.villkor !== null) expect(['>=', '<=', '>', '<', '=']).toContain(m.villkor);
      if (m.utfall !== null) expect(m.utfall).toMatch(/^-?\d+\.\d{2}$/);
    }
    expect(doc.mal.find((m: { id: string }) => m.id === 'F1')).toMatchObject({ villkor: '<=', gransvarde: '20.00', utfall: '28.97', status: 'ej uppfyllt' });
    expect(doc.mal.find((m: { id: string }) => m.id === 'F4')).toMatchObject({ villkor: null, utfall: null, status: 'bedöms manuellt' });
    expect(doc.nyckeltal).toContainEqual({ ar: 2024, rad: 'Soliditet', varde: '82.24' });
    expect(doc.nyckeltal).toContainEqual({ ar: 2024, rad: 'Eget kapital', varde: '820526.00' });
  });
});

describe('the original is never overwritten', () => {
  const refused = async (args: string[]) => {
    const input = path.join(dir, 'bok.xlsx');
    const before = fs.readFileSync(input);
    const c = capture();
    expect(await main(args, c.io)).toBe(2);
    expect(c.err.join('\n')).toContain('skriva över arbetsboken');
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  };

  test('--ut naming a symbolic link to the input', async () => {
    fs.symlinkSync(path.join(dir, 'bok.xlsx'), path.join(dir, 'lank.xlsx'));
    await refused(['rapporter', path.join(dir, 'bok.xlsx'), '--ut', path.join(dir, 'lank.xlsx')]);
  });

  test('--ut naming a hard link to the input', async () => {
    fs.linkSync(path.join(dir, 'bok.xlsx'), path.join(dir, 'hard.xlsx'));
    await refused(['mal', path.join(dir, 'bok.xlsx'), '--ut', path.join(dir, 'hard.xlsx')]);
  });

  test('an input that is a link to the output', async () => {
    fs.symlinkSync(path.join(dir, 'bok.xlsx'), path.join(dir, 'indata.xlsx'));
    await refused(['rapporter', path.join(dir, 'indata.xlsx'), '--ut', path.join(dir, 'bok.xlsx')]);
  });

  test('--ut through a folder link that ends at the input', async () => {
    fs.symlinkSync(dir, path.join(dir, 'mapp'));
    await refused(['rapporter', path.join(dir, 'bok.xlsx'), '--ut', path.join(dir, 'mapp', 'bok.xlsx')]);
  });
});

test('the copy is written whole or not at all: no temporary file left, an earlier copy kept when the write fails', async () => {
  const input = path.join(dir, 'bok.xlsx');
  const c = capture();
  expect(await main(['rapporter', input, '--ut', path.join(dir, 'ut.xlsx')], c.io)).toBe(0);
  expect(fs.readdirSync(dir).filter((f) => f.includes('finsam-tmp'))).toEqual([]);
  // The target is a folder: the rename fails, the folder stays, no temporary file is left.
  fs.mkdirSync(path.join(dir, 'mapp.xlsx'));
  fs.writeFileSync(path.join(dir, 'mapp.xlsx', 'kvar.txt'), 'kvar');
  const c2 = capture();
  expect(await main(['rapporter', input, '--ut', path.join(dir, 'mapp.xlsx')], c2.io)).toBe(2);
  expect(c2.err.join('\n')).toContain('Kan inte spara');
  expect(fs.readFileSync(path.join(dir, 'mapp.xlsx', 'kvar.txt'), 'utf8')).toBe('kvar');
  expect(fs.readdirSync(dir).filter((f) => f.includes('finsam-tmp'))).toEqual([]);
});

test('control characters and escape sequences from cells are never printed raw', async () => {
  const input = path.join(dir, 'bok.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  wb.getWorksheet('Inställningar')!.getCell('B2').value = 'Förbundet\u001b[2J\u001b]0;titel\u0007 Nord\u0000';
  await wb.xlsx.writeFile(input);
  const c = capture();
  expect(await main(['rapporter', input, '--ut', path.join(dir, 'ut.xlsx')], c.io)).toBe(0);
  const printed = [...c.out, ...c.err].join('\n');
  expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  expect(printed).toContain('Förbundet');
  expect(printed).toContain('Nord');
});

describe('broken or foreign files exit 2 with a Swedish message, never a library\'s text', () => {
  const cases: [string, () => Buffer, RegExp][] = [
    ['an empty file', () => Buffer.alloc(0), /tom/],
    ['a CSV renamed .xlsx', () => Buffer.from('Konto;Belopp\n1930;100\n', 'utf8'), /CSV|textfil/],
    ['an old .xls or a password-protected workbook (an OLE2 container)', () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]), /xls|lösenord|OLE|Excel/i],
    ['a zip that is no spreadsheet', () => Buffer.from('504b0506000000000000000000000000000000000000', 'hex'), /./],
  ];
  test.each(cases)('%s', async (_name, bytes, pattern) => {
    const input = path.join(dir, 'fel.xlsx');
    fs.writeFileSync(input, bytes());
    const c = capture();
    expect(await main(['rapporter', input], c.io)).toBe(2);
    const text = c.err.join('\n');
    expect(text).toMatch(pattern);
    expect(text).not.toMatch(/https?:|Error:|is not|cannot|undefined/);
    expect(fs.existsSync(path.join(dir, 'fel-rapporter.xlsx'))).toBe(false);
  });
});
