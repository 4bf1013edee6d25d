// Bad input: each case breaks one thing in an otherwise valid workbook and asserts the
// finding's code, that its message names the sheet and cell, and — for blocking findings —
// that no report sheet was written; for warnings, that the reports were still written.
import { cellRefText } from '../src/core/cellref';
import { type Finding, type FindingCode } from '../src/core/findings';
import { moneyToFixed2 } from '../src/core/money';
import { statementRow } from '../src/core/statement';
import { goalsRun, type GoalsRunResult } from '../src/pipeline/goals';
import { type RunResult, type RunStatus } from '../src/pipeline/run';
import { CELL_TEXT_LIMIT, TEXT_CUT_NOTE } from '../src/sheets/render';
import { type XlsxWorkbook } from '../src/workbook/xlsx';
import { baseSheets, FIXED_NOW, generatedSheets, runOn, type Rows, workbookFrom } from './helpers';

type Cell = Rows[number][number];
type Sheets = Record<string, Cell[][]>;

const d = (month: number, day: number, year = 2024) => new Date(Date.UTC(year, month - 1, day));


interface Outcome<R extends { status: RunStatus; findings: readonly Finding[] } = RunResult> {
  wb: XlsxWorkbook;
  inputNames: string[];
  result: R;
}

async function run(edit: (s: Sheets) => void): Promise<Outcome> {
  const sheets = baseSheets();
  edit(sheets);
  const wb = await workbookFrom(sheets);
  const inputNames = await wb.sheetNames();
  return { wb, inputNames, result: await runOn(wb) };
}

/** Kontrollera mål on the base workbook with its Mål and Insatsstatistik sheets, edited. */
async function runGoals(edit: (s: Sheets) => void): Promise<Outcome<GoalsRunResult>> {
  const sheets = baseSheets();
  sheets.Mål = [
    ['Id', 'Mål', 'Insats', 'Mått', 'Villkor', 'Gränsvärde'],
    ['F1', 'Det egna kapitalet ska inte överstiga 50 % av tilldelade medel', null, 'Eget kapital i % av tilldelade medel', '≤', '50 %'], // row 2
    ['V1', 'Minst 85 % av deltagarna ska vara nöjda', 'SamCoach', 'Nöjda deltagare', '≥', '85 %'], // row 3
  ];
  sheets.Insatsstatistik = [
    ['Insats', 'Mått', 'Antal', 'Av'],
    ['SamCoach', 'Nöjda deltagare', 28, 30], // row 2
  ];
  edit(sheets);
  const wb = await workbookFrom(sheets);
  const inputNames = await wb.sheetNames();
  return { wb, inputNames, result: await goalsRun(wb, { version: 'test', now: FIXED_NOW }) };
}

function the(result: { findings: readonly Finding[] }, code: FindingCode): Finding {
  const f = result.findings.find((x) => x.code === code);
  if (!f) throw new Error(`inget fynd ${code}; fick ${result.findings.map((x) => `${x.code}: ${x.message}`).join(' | ')}`);
  return f;
}

async function expectBlocked(o: Outcome<{ status: RunStatus; findings: readonly Finding[] }>, code: FindingCode, cell: string, added: string[] = []): Promise<Finding> {
  const f = the(o.result, code);
  expect(f.severity).toBe('blockerande');
  expect(f.message).toContain(cell);
  expect(f.cells.map(cellRefText)).toContain(cell);
  expect(o.result.status).toBe('blockerat');
  expect(await generatedSheets(o.wb)).toEqual([]);
  expect(await o.wb.sheetNames()).toEqual([...o.inputNames, ...added]);
  return f;
}

async function expectWarned(o: Outcome<{ status: RunStatus; findings: readonly Finding[] }>, code: FindingCode, cell: string, sheets = ['Resultaträkning', 'Balansräkning', 'Driftredovisning', 'Kontroller']): Promise<Finding> {
  const f = the(o.result, code);
  expect(f.severity).toBe('varning');
  expect(f.message).toContain(cell);
  expect(f.cells.map(cellRefText)).toContain(cell);
  expect(o.result.status).toBe('skrivet');
  expect(await generatedSheets(o.wb)).toEqual(expect.arrayContaining(sheets));
  return f;
}

const row = (s: Sheets, sheet: string, r: number) => s[sheet]![r - 1]!;

test('the base workbook is valid', async () => {
  const o = await run(() => undefined);
  expect(o.result.findings.filter((f) => f.severity === 'blockerande')).toEqual([]);
  expect(o.result.status).toBe('skrivet');
  expect(moneyToFixed2(statementRow(o.result.bokslut!.resultatrakning, 'Årets resultat')!.amounts[0]!)).toBe('150000.00');
});

test('text in an amount cell', async () => {
  const o = await run((s) => (row(s, 'Huvudbok', 7)[6] = 'femtio'));
  const f = await expectBlocked(o, 'belopp-ej-tal', 'Huvudbok!G7');
  expect(f.message).toContain('femtio');
});

test('an account that maps to no report line: no report, and the one sheet written is a proposed Kontoplan', async () => {
  const o = await run((s) => (row(s, 'Huvudbok', 11)[2] = 9999));
  const f = await expectBlocked(o, 'konto-utan-rad', 'Huvudbok!G11', ['Kontoplan']);
  expect(f.message).toContain('9999');
  const [kontoplan] = await o.wb.readSheets(['Kontoplan']);
  expect(kontoplan?.cells[0]).toEqual(['Konto', 'Benämning', 'Belopp', 'Rad', 'Status']);
  expect(kontoplan?.cells.find((r) => r[0] === '9999')?.[4]).toBe('förslag');
});

test('an unbalanced ledger', async () => {
  const o = await run((s) => (row(s, 'Huvudbok', 12)[7] = 40000));
  await expectBlocked(o, 'verifikation-obalans', 'Huvudbok!H12');
  expect(the(o.result, 'huvudbok-obalans').severity).toBe('blockerande');
});

test('no header row', async () => {
  const o = await run((s) => (s.Huvudbok![3] = ['Dag', 'Nummer', 'Nr', 'Namn', 'P', 'T', 'Plus', 'Minus']));
  const f = await expectBlocked(o, 'rubrikrad-saknas', 'Huvudbok!A1');
  expect(f.message).toContain('Konto');
});

test('a sheet that plainly holds books under headers that cannot be read: named, never "nothing to report"', async () => {
  const o = await run((s) => {
    s.Data = s.Huvudbok!.map((r, i) => (i === 3 ? ['Dag', 'Nummer', 'Nr', 'Namn', 'P', 'T', 'Plus', 'Minus'] : r));
    delete s.Huvudbok;
  });
  const f = the(o.result, 'blad-olasligt');
  expect(f.severity).toBe('blockerande');
  expect(f.message).toContain('Bladet Data');
  expect(f.message).toContain('kolumn C');
  expect(o.result.status).toBe('blockerat');
  expect(o.result.findings.map((x) => x.code)).not.toContain('inget-att-rapportera');
  expect(await generatedSheets(o.wb)).toEqual([]);
});

test('two columns that both look like Konto', async () => {
  const o = await run((s) => {
    for (const r of s.Huvudbok!.slice(3)) r.push(r === s.Huvudbok![3] ? 'Kontonr' : 1930);
  });
  const f = await expectBlocked(o, 'kolumn-tvetydig', 'Huvudbok!C4');
  expect(f.message).toContain('Huvudbok!I4');
});

test('a budget sum row that does not verify is a warning: the reports are still written', async () => {
  const o = await run((s) => {
    s.Budget = [
      ['Projekt', 'Post', 'Budget 2024'],
      [null, 'Driftbidrag', 500000],
      [null, 'Verksamhet'],
      [100, 'SamCoach', -300000],
      [null, 'Summa verksamhet', -299000],
      [910, 'Kansli', -50000],
      [null, 'Resultat', 150000],
    ];
  });
  const f = await expectWarned(o, 'budget-summa-avviker', 'Budget!C5');
  expect(f.message).toContain('Summa verksamhet');
  const rec = o.result.bokslut!.reconciliations.find((r) => r.id === 'budget-summa-5-2024');
  expect(rec?.passed).toBe(false);
});

test('a ledger sheet with a header and no rows', async () => {
  const o = await run((s) => (s.Huvudbok = s.Huvudbok!.slice(0, 4)));
  await expectBlocked(o, 'huvudbok-tom', 'Huvudbok!C4');
});

test('a räkenskapsår with no data', async () => {
  const o = await run((s) => (row(s, 'Inställningar', 3)[1] = 2031));
  const f = await expectBlocked(o, 'ar-saknar-data', 'Inställningar!B3');
  expect(f.message).toContain('2031');
});

test('#N/A in an amount cell', async () => {
  const o = await run((s) => (row(s, 'Huvudbok', 9)[6] = { error: '#N/A' }));
  const f = await expectBlocked(o, 'cell-fel', 'Huvudbok!G9');
  expect(f.message).toContain('#N/A');
});

test('#REF! in an amount cell', async () => {
  const o = await run((s) => (row(s, 'Huvudbok', 10)[7] = { error: '#REF!' }));
  const f = await expectBlocked(o, 'cell-fel', 'Huvudbok!H10');
  expect(f.message).toContain('#REF!');
});

test('a date that is not a date', async () => {
  const o = await run((s) => (row(s, 'Huvudbok', 9)[0] = 'trettonde mars'));
  const f = await expectBlocked(o, 'datum-ogiltigt', 'Huvudbok!A9');
  expect(f.message).toContain('trettonde mars');
});

test('a Kontoplan Rad that names no report line', async () => {
  const o = await run((s) => {
    s.Kontoplan = [
      ['Konto', 'Benämning', 'Rad'],
      [1930, 'Bank', 'Pengar i madrassen'],
    ];
  });
  const f = await expectBlocked(o, 'kontoplan-okand-rad', 'Kontoplan!C2');
  expect(f.message).toContain('Pengar i madrassen');
});

test('a projekt no Insatser line has: a warning, shown on Ej fördelat på insats', async () => {
  const o = await run((s) => (row(s, 'Huvudbok', 9)[4] = 777));
  const f = await expectWarned(o, 'projekt-utan-insats', 'Huvudbok!G9');
  expect(f.message).toContain('777');
  const unallocated = o.result.bokslut!.driftredovisning.rows.find((r) => r.name === 'Ej fördelat på insats');
  expect(unallocated && moneyToFixed2(unallocated.netto)).toBe('-300000.00');
});

test('a negative share', async () => {
  const o = await run((s) => {
    s.Inställningar!.push([], ['Medlem', 'Andel av driftbidraget'], ['Försäkringskassan (staten)', '-50 %'], ['Region', '75 %'], ['Kommunen', '75 %']);
  });
  const f = await expectBlocked(o, 'andel-negativ', 'Inställningar!B6');
  expect(f.message).toContain('Försäkringskassan');
});

test('no year anywhere: no date column, no year in the title, none in Inställningar', async () => {
  const o = await run((s) => {
    s.Inställningar = s.Inställningar!.slice(0, 2);
    s.Huvudbok = [['Huvudbok'], ['Ver.nr', 'Konto', 'Belopp'], [1, 1930, 500], [1, 3511, -500]];
  });
  await expectBlocked(o, 'ar-saknas', 'Huvudbok!A2');
});

test('an amount with more than two decimals', async () => {
  const o = await run((s) => (row(s, 'Huvudbok', 11)[6] = 12.345));
  const f = await expectBlocked(o, 'belopp-oredelar', 'Huvudbok!G11');
  expect(f.message).toContain('12.345');
});

test('an account cell that is not an account number', async () => {
  const o = await run((s) => (row(s, 'Huvudbok', 7)[2] = 'Banken'));
  await expectBlocked(o, 'konto-ogiltigt', 'Huvudbok!C7');
});

test('an amount without an account', async () => {
  const o = await run((s) => (row(s, 'Huvudbok', 7)[2] = null));
  await expectBlocked(o, 'konto-saknas', 'Huvudbok!C7');
});

test('a budget and no ledger: the budget season’s sheets, no bokslut', async () => {
  const o = await run((s) => {
    delete s.Huvudbok;
    s.Budget = [
      ['Post', 'Budget 2024'],
      ['Driftbidrag', 500000],
      ['Kansli', -500000],
    ];
  });
  expect(o.result.status).toBe('skrivet');
  expect(o.result.bokslut).toBeUndefined();
  expect(await generatedSheets(o.wb)).toEqual(['Resultatbudget', 'Balansbudget', 'Driftbudget', 'Kontroller']);
});

test('a 100 000-row ledger still works', async () => {
  const rows: Cell[][] = [['Datum', 'Ver.nr', 'Konto', 'Kontonamn', 'Projekt', 'Text', 'Debet', 'Kredit']];
  let expectedOre = 0;
  for (let i = 0; i < 50_000; i++) {
    const ore = 100 + ((i * 7919) % 1_000_000);
    const cost = i % 3 !== 0;
    const account = cost ? (i % 2 ? 4610 : 5410) : 3511;
    const projekt = cost ? (i % 2 ? 100 : 910) : null;
    const date = d(1 + (i % 12), 1 + (i % 28));
    expectedOre += cost ? -ore : ore;
    if (cost) rows.push([date, i + 1, account, '', projekt, '', ore / 100, null], [date, i + 1, 1930, 'Bank', null, '', null, ore / 100]);
    else rows.push([date, i + 1, 1930, 'Bank', null, '', ore / 100, null], [date, i + 1, account, '', null, '', null, ore / 100]);
  }
  // The förbund's first year: no ingående balanser to carry.
  const o = await run((s) => {
    s.Huvudbok = rows;
    s.Inställningar!.push(['Startår', 2024]);
  });
  expect(o.result.findings.filter((f) => f.severity === 'blockerande')).toEqual([]);
  expect(o.result.status).toBe('skrivet');
  expect(o.result.bokslut!.summary.rowCount).toBe(100_000);
  const resultat = statementRow(o.result.bokslut!.resultatrakning, 'Årets resultat')!.amounts[0]!;
  expect(moneyToFixed2(resultat)).toBe((expectedOre / 100).toFixed(2));
}, 120_000);

const withoutIB = (s: Sheets) => s.Huvudbok!.splice(4, 2);

test('a first year that moves balance accounts without ingående balanser', async () => {
  const o = await run(withoutIB);
  const f = await expectBlocked(o, 'ib-saknas', 'Huvudbok!G5');
  expect(f.message).toContain('2024');
  expect(f.message).toContain('1930 Bank');
  expect(f.message).toContain('Startår 2024');
});

test('no ingående balanser in the year Inställningar says the förbund started: written, and the Kontroller sheet says why', async () => {
  const o = await run((s) => {
    withoutIB(s);
    s.Inställningar!.push(['Startår', 2024]);
  });
  expect(o.result.findings.filter((f) => f.severity === 'blockerande')).toEqual([]);
  expect(o.result.status).toBe('skrivet');
  expect(await generatedSheets(o.wb)).toEqual(expect.arrayContaining(['Resultaträkning', 'Balansräkning', 'Kontroller']));
  const rec = o.result.bokslut!.reconciliations.find((r) => r.id === 'ib-startar-2024');
  expect(rec?.passed).toBe(true);
  expect(rec?.cells.map(cellRefText)).toEqual(['Inställningar!B4']);
  expect(moneyToFixed2(statementRow(o.result.bokslut!.balansrakning, 'Summa eget kapital')!.amounts[0]!)).toBe('150000.00');
});

test('no ingående balanser and a Startår before the ledger\'s first year: still blocked', async () => {
  const o = await run((s) => {
    withoutIB(s);
    s.Inställningar!.push(['Förbundet bildat', 2019]);
  });
  const f = await expectBlocked(o, 'ib-saknas', 'Inställningar!B4');
  expect(f.message).toContain('startade förbundet 2019');
  expect(f.message).not.toContain('skriv Startår');
});

test('a booking straight to eget kapital: eget kapital does not roll forward by årets resultat', async () => {
  const o = await run((s) => {
    s.Huvudbok!.push(
      [d(6, 1), 4, 1930, 'Bank', null, 'Tillskott', 10000, null], // row 13
      [d(6, 1), 4, 2010, 'Eget kapital', null, 'Tillskott', null, 10000], // row 14
    );
  });
  const f = await expectBlocked(o, 'resultat-avviker', 'Huvudbok!H14');
  expect(f.message).toContain('2010 Eget kapital');
  expect(f.message).toContain('150');
  expect(o.result.bokslut!.reconciliations.find((r) => r.id === 'eget-kapital-2024')?.passed).toBe(false);
});

test('an ingående balans on a result account: the kassaflödesanalys does not reconcile', async () => {
  const o = await run((s) => {
    s.Huvudbok!.push(
      [d(1, 1), 'IB', 3511, 'Driftbidrag staten', null, 'Ingående balans', null, 20000], // row 13
      [d(1, 1), 'IB', 1930, 'Bank', null, 'Ingående balans', 20000, null],
    );
  });
  const f = await expectBlocked(o, 'kassaflode-avviker', 'Huvudbok!H13');
  expect(f.message).toContain('3511 Driftbidrag staten');
  expect(o.result.bokslut!.reconciliations.find((r) => r.id === 'kfa-kassaflode-2024')?.passed).toBe(false);
});

// Summary rows are checks, never transactions.
test('an Utgående saldo row that does not follow from the rows above: blocked at its cell', async () => {
  const o = await run((s) => {
    s.Huvudbok!.push([null, null, 1930, 'Bank', null, 'Utgående saldo', 260000, null]); // row 13
  });
  const f = await expectBlocked(o, 'summarad-avviker', 'Huvudbok!G13');
  expect(f.message).toContain('250 000 kr');
});

test('summary rows that agree are checked on the Kontroller sheet and never counted', async () => {
  const o = await run((s) => {
    s.Huvudbok!.push(
      [null, null, 1930, 'Bank', null, 'Utgående saldo', 250000, null], // row 13
      [null, null, null, null, null, 'Summa', 950000, 950000], // row 14: IB and the year's rows
    );
  });
  expect(o.result.findings.filter((f) => f.severity === 'blockerande')).toEqual([]);
  expect(o.result.status).toBe('skrivet');
  expect(moneyToFixed2(statementRow(o.result.bokslut!.balansrakning, 'Kassa och bank')!.amounts[0]!)).toBe('250000.00');
  const checks = o.result.bokslut!.reconciliations.filter((r) => r.id.startsWith('las-'));
  expect(checks.map((r) => [r.id, r.passed])).toEqual([
    ['las-ub-Huvudbok', true],
    ['las-total-Huvudbok', true],
  ]);
});

test('a Summa row that does not match the sheet: blocked at its cell', async () => {
  const o = await run((s) => {
    s.Huvudbok!.push([null, null, null, null, null, 'Summa', 950000, 940000]); // row 13
  });
  await expectBlocked(o, 'summarad-avviker', 'Huvudbok!G13');
});

test('dates that could fall in other years: asked, not guessed', async () => {
  const o = await run((s) => {
    // 2023-01-24 or 23 January 2024: both fit the räkenskapsår.
    const forms = ['23-01-24', '23-01-24', '23-03-24', '23-03-24', '23-04-24', '23-04-24', '23-04-24', '23-04-24'];
    s.Huvudbok!.slice(4).forEach((r, i) => (r[0] = forms[i] ?? null));
  });
  const f = await expectBlocked(o, 'datum-tvetydigt', 'Huvudbok!A4');
  expect(f.message).toContain('ÅÅÅÅ-MM-DD');
});

test('two dimension columns whose codes both match Insatser: the finding names both', async () => {
  const o = await run((s) => {
    s.Huvudbok!.forEach((r, i) => r.push(i === 3 ? 'Ansvar' : i > 3 ? r[4] ?? null : null));
  });
  const f = await expectBlocked(o, 'dimension-oklar', 'Huvudbok!E4');
  expect(f.message).toContain('"Projekt"');
  expect(f.message).toContain('"Ansvar"');
});

test('two matching dimension columns and Insatsdimension in Inställningar: written', async () => {
  const o = await run((s) => {
    s.Huvudbok!.forEach((r, i) => r.push(i === 3 ? 'Ansvar' : i > 3 ? r[4] ?? null : null));
    s.Inställningar!.push(['Insatsdimension', 'Projekt']);
  });
  expect(o.result.findings.filter((f) => f.severity === 'blockerande')).toEqual([]);
  expect(o.result.bokslut!.driftredovisning.rows.find((r) => r.name === 'SamCoach')?.netto.toString()).toBe('-300000');
});

test('a column the header cannot name, named in Inställningar: written', async () => {
  const o = await run((s) => {
    row(s, 'Huvudbok', 4)[6] = 'Plus';
    row(s, 'Huvudbok', 4)[7] = 'Minus';
    s.Inställningar!.push(['Kolumn Debet', 'Plus'], ['Kolumn Kredit', 'H']);
  });
  expect(o.result.findings.filter((f) => f.severity === 'blockerande')).toEqual([]);
  expect(moneyToFixed2(statementRow(o.result.bokslut!.resultatrakning, 'Årets resultat')!.amounts[0]!)).toBe('150000.00');
});

// Text from a cell is data, never an object key: the names of Object.prototype's members.
test('a Kontoplan Rad "__proto__": an unknown report line at its cell, never the account dropped', async () => {
  const o = await run((s) => {
    s.Kontoplan = [
      ['Konto', 'Benämning', 'Rad'],
      [1930, 'Bank', '__proto__'],
    ];
  });
  const f = await expectBlocked(o, 'kontoplan-okand-rad', 'Kontoplan!C2');
  expect(f.message).toContain('__proto__');
});

test('a Kontoplan Rad "constructor": an unknown report line at its cell', async () => {
  const o = await run((s) => {
    s.Kontoplan = [
      ['Konto', 'Benämning', 'Rad'],
      [3511, 'Driftbidrag staten', 'Verksamhetens intäkter'],
      [2010, 'Eget kapital', 'constructor'],
    ];
  });
  await expectBlocked(o, 'kontoplan-okand-rad', 'Kontoplan!C3');
});

test('a Ver.nr "__proto__" is a verifikation of its own, and it does not balance', async () => {
  const o = await run((s) => (row(s, 'Huvudbok', 9)[1] = '__proto__'));
  const f = await expectBlocked(o, 'verifikation-obalans', 'Huvudbok!G9');
  expect(f.message).toContain('__proto__');
});

test('an Insatser Typ "__proto__" is an unknown type at its cell', async () => {
  const o = await run((s) => (row(s, 'Insatser', 3)[3] = '__proto__'));
  await expectBlocked(o, 'insats-ogiltig', 'Insatser!D3');
});

test('a projekt "constructor" that no Insatser line has: a warning, shown on Ej fördelat på insats', async () => {
  const o = await run((s) => (row(s, 'Huvudbok', 9)[4] = 'constructor'));
  const f = await expectWarned(o, 'projekt-utan-insats', 'Huvudbok!G9');
  expect(f.message).toContain('constructor');
  expect(moneyToFixed2(statementRow(o.result.bokslut!.resultatrakning, 'Årets resultat')!.amounts[0]!)).toBe('150000.00');
});

test('a Räkenskapsår "valueOf" is no year', async () => {
  const o = await run((s) => (row(s, 'Inställningar', 3)[1] = 'valueOf'));
  const f = await expectBlocked(o, 'installning-ogiltig', 'Inställningar!B3');
  expect(f.message).toContain('valueOf');
});

test('a Mål Gränsvärde "__proto__" is a limit that cannot be read, not a crash', async () => {
  const o = await runGoals((s) => (row(s, 'Mål', 2)[5] = '__proto__'));
  const f = await expectBlocked(o, 'mal-ogiltigt', 'Mål!F2');
  expect(f.message).toContain('__proto__');
});

test('a Mål Villkor "__proto__" is a condition that cannot be read, never judged', async () => {
  const o = await runGoals((s) => (row(s, 'Mål', 2)[4] = '__proto__'));
  await expectBlocked(o, 'mal-ogiltigt', 'Mål!E2');
  expect(o.result.check).toBeUndefined();
});

test('a Mål Villkor "constructor" is a condition that cannot be read', async () => {
  const o = await runGoals((s) => (row(s, 'Mål', 3)[4] = 'constructor'));
  await expectBlocked(o, 'mal-ogiltigt', 'Mål!E3');
});

// Participant statistics: a count of more than its whole is an error in the sheet, never 112 %.
test('Insatsstatistik with Antal larger than Av: blocked at the cells, never a goal met at 112 %', async () => {
  const o = await runGoals((s) => (row(s, 'Insatsstatistik', 2)[2] = 34));
  const f = await expectBlocked(o, 'statistik-ogiltig', 'Insatsstatistik!C2');
  expect(f.cells.map(cellRefText)).toEqual(['Insatsstatistik!C2', 'Insatsstatistik!D2']);
  expect(f.message).toContain('34 av 30');
  expect(o.result.check).toBeUndefined();
});

test('Insatsstatistik with Av 0 and Antal above 0: blocked at Av', async () => {
  const o = await runGoals((s) => (row(s, 'Insatsstatistik', 2)[3] = 0));
  const f = await expectBlocked(o, 'statistik-ogiltig', 'Insatsstatistik!D2');
  expect(f.message).toContain('Av kan inte vara 0');
});

test('Insatsstatistik with a negative Antal: blocked at Antal', async () => {
  const o = await runGoals((s) => (row(s, 'Insatsstatistik', 2)[2] = -3));
  await expectBlocked(o, 'statistik-ogiltig', 'Insatsstatistik!C2');
});

test('Insatsstatistik that cannot be right stops Generera rapporter too (its counts feed Nyckeltal)', async () => {
  const o = await run((s) => {
    s.Insatsstatistik = [
      ['Insats', 'Mått', 'Antal', 'Av'],
      ['SamCoach', 'Nöjda deltagare', 41, 40],
    ];
  });
  await expectBlocked(o, 'statistik-ogiltig', 'Insatsstatistik!C2');
});

// Text longer than a cell holds: cut with a note and a warning, never written as an invalid cell.
const LONG = 'Lång text '.repeat(4_000); // 40 000 characters

async function writtenCells(o: Outcome<{ status: RunStatus; findings: readonly Finding[] }>, sheet: string): Promise<string[]> {
  const [snapshot] = await o.wb.readSheets([sheet]);
  return (snapshot?.cells ?? []).flat().filter((v): v is string => typeof v === 'string');
}

async function expectAllCellsFit(o: Outcome<{ status: RunStatus; findings: readonly Finding[] }>): Promise<void> {
  for (const sheet of await generatedSheets(o.wb)) {
    for (const text of await writtenCells(o, sheet)) expect(text.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
  }
}

test('an account name of 40 000 characters: cut to fit on Noter, with a note and a warning', async () => {
  const o = await run((s) => (row(s, 'Huvudbok', 8)[3] = LONG));
  const f = await expectWarned(o, 'text-avkortad', 'Noter!A7', ['Noter', 'Kontroller']);
  expect(f.message).toContain('40 004 tecken, fler än de 32 767 som ryms i en cell');
  expect(f.message).toContain('Lång text Lång text');
  const cut = (await writtenCells(o, 'Noter')).find((t) => t.startsWith('3511 Lång text'));
  expect(cut?.length).toBe(CELL_TEXT_LIMIT);
  expect(cut?.endsWith(TEXT_CUT_NOTE)).toBe(true);
  // The warning is on the Kontroller sheet too.
  expect((await writtenCells(o, 'Kontroller')).some((t) => t.includes('Noter!A7'))).toBe(true);
  await expectAllCellsFit(o);
});

test('an insats name of 40 000 characters: cut to fit on Driftredovisning and Noter', async () => {
  const o = await run((s) => (row(s, 'Insatser', 3)[2] = LONG));
  await expectWarned(o, 'text-avkortad', 'Noter!A11', ['Driftredovisning', 'Noter']);
  const cut = o.result.findings.filter((x) => x.code === 'text-avkortad');
  expect(cut.map((x) => x.cells.map(cellRefText).join())).toEqual(['Noter!A11', 'Driftredovisning!A7']);
  expect(cut.every((x) => x.severity === 'varning' && x.message.includes(x.cells.map(cellRefText).join()))).toBe(true);
  await expectAllCellsFit(o);
});

test('a finding whose message quotes 40 000 characters: cut to fit on Kontroller, with a warning at the cut cell', async () => {
  const o = await run((s) => (row(s, 'Huvudbok', 9)[4] = LONG));
  the(o.result, 'projekt-utan-insats');
  const f = the(o.result, 'text-avkortad');
  expect(f.cells.map(cellRefText)[0]).toMatch(/^Kontroller!C\d+$/);
  expect(o.result.status).toBe('skrivet');
  await expectAllCellsFit(o);
});

test('a goal text of 40 000 characters: cut to fit on Målkontroll, with a warning', async () => {
  const o = await runGoals((s) => (row(s, 'Mål', 2)[1] = LONG));
  const f = await expectWarned(o, 'text-avkortad', 'Målkontroll!B6', ['Målkontroll']);
  expect(f.message).toContain('Målkontroll!B6');
  await expectAllCellsFit(o);
});
