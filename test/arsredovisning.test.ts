// The rest of the årsredovisning's economic part on the Sollefteå books, against the expected
// file (KFA, Nyckeltal) and the printed report's own rounding.
import * as fs from 'fs';
import * as path from 'path';
import { moneyRoundTkr, moneyToFixed2 } from '../src/core/money';
import { statementRow } from '../src/core/statement';
import { reportsJson } from '../src/pipeline/json';
import { type RunResult } from '../src/pipeline/run';
import { EXAMPLES, openExample, runOn } from './helpers';

type YearFigures = { KFA: Record<string, number>; Nyckeltal: Record<string, number>; RR: Record<string, number>; Driftredovisning_netto_per_insats: Record<string, number> };
const expected = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'solleftea-2024.expected.json'), 'utf8')).kronor as Record<string, YearFigures>;

let result: RunResult;
beforeAll(async () => {
  result = await runOn(await openExample('solleftea-2024.xlsx'));
});

describe('Kassaflödesanalys', () => {
  const cases = ['2024', '2023'].flatMap((year) => Object.entries(expected[year]!.KFA).map(([line, amount]) => [year, line, amount] as const));
  test.each(cases)('%s %s = %d kr', (year, line, amount) => {
    const col = year === '2024' ? 0 : 1;
    const row = statementRow(result.bokslut!.kassaflodesanalys, line);
    expect(row && moneyToFixed2(row.amounts[col]!)).toBe(amount.toFixed(2));
  });

  test("within the printed report's rounding: löpande −256,28 tkr (2024) and −256,46 tkr (2023)", () => {
    const row = statementRow(result.bokslut!.kassaflodesanalys, 'Kassaflöde från den löpande verksamheten')!;
    expect(row.amounts[0]!.dividedBy(1000).toDecimalPlaces(2).toNumber()).toBe(-256.28);
    expect(row.amounts[1]!.dividedBy(1000).toDecimalPlaces(2).toNumber()).toBe(-256.46);
    expect(moneyRoundTkr(row.amounts[0]!).toNumber()).toBe(-256);
  });

  test('Kontroller: likvida medel = BR kassa och bank, årets kassaflöde = their change, both years', () => {
    const ids = result.bokslut!.reconciliations.filter((r) => r.id.startsWith('kfa-'));
    expect(ids.map((r) => [r.id, r.passed])).toEqual([
      ['kfa-likvida-medel-2023', true],
      ['kfa-kassaflode-2023', true],
      ['kfa-likvida-medel-2024', true],
      ['kfa-kassaflode-2024', true],
    ]);
  });

  test('--json lists it under rapporter.kassaflodesanalys', () => {
    expect(reportsJson(result).rapporter.kassaflodesanalys).toContainEqual({ rad: 'Likvida medel vid årets slut', utfall: '980026.00', foregaendeAr: '1236303.00' });
  });
});

describe('Balanskravsresultat', () => {
  test('the standard table with every row, zeros shown, for both years', () => {
    const rows = reportsJson(result).rapporter.balanskrav;
    expect(rows.map((r) => r.rad)).toEqual([
      'Årets resultat enligt resultaträkningen',
      'Samtliga realisationsvinster',
      'Vissa realisationsvinster enligt undantagsmöjlighet',
      'Vissa realisationsförluster enligt undantagsmöjlighet',
      'Orealiserade förluster i värdepapper',
      'Återföring av orealiserade förluster i värdepapper',
      'Årets resultat efter balanskravsjusteringar',
      'Reservering till resultatutjämningsreserv',
      'Användning av resultatutjämningsreserv',
      'Balanskravsresultat',
    ]);
    // No realisationsvinster or reserve in these books: the balanskravsresultat is årets resultat.
    expect(rows.find((r) => r.rad === 'Balanskravsresultat')).toEqual({ rad: 'Balanskravsresultat', utfall: expected['2024']!.RR['Årets resultat']!.toFixed(2), foregaendeAr: expected['2023']!.RR['Årets resultat']!.toFixed(2) });
    expect(rows.find((r) => r.rad === 'Samtliga realisationsvinster')?.utfall).toBe('0.00');
  });

  test('a negative year carries the note that it must be restored within three years', async () => {
    const { balanskravSheet } = await import('../src/sheets/render');
    const meta = { forbund: 'F', year: 2024, unit: 'kr' as const, version: 't', generatedAt: '', sources: [], checksum: '' };
    const text = balanskravSheet(result.bokslut!.balanskrav, meta).rows.flat().map((c) => c?.value);
    expect(text).toContain('2023: Balanskravsresultatet är negativt: underskottet ska återställas inom tre år enligt kommunallagen (11 kap. 12 §).');
  });
});

describe('Nyckeltal', () => {
  const cases = ['2024', '2023'].flatMap((year) => Object.entries(expected[year]!.Nyckeltal).map(([name, value]) => [year, name, value] as const));
  test.each(cases)('%s %s = %d %%', (year, name, value) => {
    const row = reportsJson(result).rapporter.nyckeltal.find((r) => r.rad === name);
    expect(year === '2024' ? row?.utfall : row?.foregaendeAr).toBe(value.toFixed(2));
  });

  test('shares of insatser, administration and cost per ärende where Insatsstatistik has the counts', () => {
    const rows = reportsJson(result).rapporter.nyckeltal;
    const get = (rad: string) => rows.find((r) => r.rad === rad)?.utfall;
    expect(Number(get('Andel individinriktade insatser')) + Number(get('Andel strukturinsatser'))).toBeCloseTo(100, 10);
    expect(Number(get('Andel administration av kostnader')) + Number(get('Andel insatser av kostnader'))).toBeCloseTo(100, 10);
    // SamCoach: its 2024 netto in the expected driftredovisning; 38 aktiva uppdrag and 15
    // avslutade ärenden in the example's Insatsstatistik sheet.
    const samcoach = -expected['2024']!.Driftredovisning_netto_per_insats['SamCoach']!;
    expect(get('Kostnad per handlagt ärende: SamCoach')).toBe((samcoach / 38).toFixed(2));
    expect(get('Kostnad per avslutat ärende: SamCoach')).toBe((samcoach / 15).toFixed(2));
  });
});

describe('Noter', () => {
  test('four notes, each total equal to its line in both years (Kontroller)', () => {
    const checks = result.bokslut!.reconciliations.filter((r) => r.id.startsWith('not-'));
    expect(checks).toHaveLength(8);
    expect(checks.filter((r) => !r.passed)).toEqual([]);
  });

  test('intäkter per medlem: the driftbidrag split by member, adding up to Verksamhetens intäkter', () => {
    const note = reportsJson(result).rapporter.noter.find((n) => n.not === 1)!;
    expect(note.rubrik).toBe('Verksamhetens intäkter per medlem');
    expect(note.rader.map((r) => r.rad)).toEqual(['Försäkringskassan (staten)', 'Region Västernorrland', 'Sollefteå kommun', 'Summa']);
    expect(note.rader.find((r) => r.rad === 'Summa')?.utfall).toBe(expected['2024']!.RR['Verksamhetens intäkter']!.toFixed(2));
  });

  test('kostnader per insats match the driftredovisning nettos where a line has no income', () => {
    const note = reportsJson(result).rapporter.noter.find((n) => n.not === 2)!;
    expect(note.rader.find((r) => r.rad === 'Kansli')?.utfall).toBe(expected['2024']!.Driftredovisning_netto_per_insats['Kansli']!.toFixed(2));
    expect(note.rader.find((r) => r.rad === 'Summa')?.utfall).toBe(expected['2024']!.RR['Verksamhetens kostnader']!.toFixed(2));
  });

  test('the not-number is shown on RR and BR', async () => {
    const { resultatrakningSheet, balansrakningSheet } = await import('../src/sheets/render');
    const meta = { forbund: 'F', year: 2024, unit: 'kr' as const, version: 't', generatedAt: '', sources: [], checksum: '' };
    const rrRows = resultatrakningSheet(result.bokslut!.resultatrakning, meta, result.bokslut!.noter).rows;
    const notCol = rrRows[4]!.findIndex((c) => c?.value === 'Not');
    expect(rrRows.find((r) => r[0]?.value === 'Verksamhetens intäkter')?.[notCol]?.value).toBe(1);
    const brRows = balansrakningSheet(result.bokslut!.balansrakning, meta, result.bokslut!.noter).rows;
    const brNot = brRows[4]!.findIndex((c) => c?.value === 'Not');
    expect(brRows.find((r) => r[0]?.value === 'Kortfristiga skulder')?.[brNot]?.value).toBe(4);
  });
});
