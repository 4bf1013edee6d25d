import { cellRef } from './cellref';
import { measureIsValue } from './measures';
import { participantMeasure, type StatisticsRow } from './participants';

const row = (insats: string, measure: string, antal: number, av?: number): StatisticsRow => ({ insats, measure, antal, av, year: undefined, cell: cellRef('Insatsstatistik', 2, 3) });
const rows = [row('SamCoach', 'Upplevt stöd', 28, 28), row('SFI', 'Upplevt stöd', 41, 41), row('SamCoach', 'Nöjda', 9, 12), row('SFI', 'Nöjda', 31, 40), row('SamCoach', 'Deltagare', 38), row('SFI', 'Deltagare', 69), row('X', 'Blandat', 3, 4), row('Y', 'Blandat', 5)];

test('one insats: Antal/Av in percent', () => {
  const r = participantMeasure(rows, 'Nöjda', 'SamCoach', 2024);
  expect(measureIsValue(r) && [r.unit, r.value.toString(), r.underlag]).toEqual(['procent', '75', '9 av 12 (SamCoach) = 75,00 %']);
});

test('the whole förbund adds Antal and Av over every insats with the measure', () => {
  const r = participantMeasure(rows, 'Nöjda', '', 2024);
  // (9 + 31) / (12 + 40) = 76,92 %, not the mean of 75 % and 77,5 % (76,25 %)
  expect(measureIsValue(r) && r.value.toFixed(4)).toBe('76.9231');
  const stod = participantMeasure(rows, 'upplevt  stöd', '', 2024);
  expect(measureIsValue(stod) && [stod.value.toString(), stod.underlag]).toEqual(['100', '69 av 69 (2 insatser (SamCoach, SFI)) = 100,00 %']);
});

test('aggregation weighs by Av, not by insats', () => {
  const r = participantMeasure([row('A', 'M', 1, 2), row('B', 'M', 90, 100)], 'M', '', 2024);
  expect(measureIsValue(r) && r.value.toFixed(4)).toBe('89.2157');
});

test('counts: Antal when Av is empty, summed over insatser', () => {
  const r = participantMeasure(rows, 'Deltagare', '', 2024);
  expect(measureIsValue(r) && [r.unit, r.value.toString()]).toEqual(['antal', '107']);
});

test('missing data says what is missing', () => {
  expect(participantMeasure(undefined, 'Nöjda', '', 2024)).toMatchObject({ missing: 'arbetsboken har inget blad Insatsstatistik' });
  expect(participantMeasure(rows, 'Nöjda', 'Okänd', 2024)).toMatchObject({ missing: 'Insatsstatistik har inget "Nöjda" för Okänd' });
  expect(participantMeasure(rows, 'Blandat', '', 2024)).toMatchObject({ missing: expect.stringContaining('har Av för vissa insatser men inte för Y') });
});
