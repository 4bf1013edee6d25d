import { cellRefText } from '../core/cellref';
import { CELL_ERROR_UNCALCULATED } from '../workbook/port';
import { amountFinding, sheetUncalculatedFinding } from './amountFinding';
import { parseAmount } from './numbers';

const U = { error: CELL_ERROR_UNCALCULATED };

describe('sheetUncalculatedFinding', () => {
  test('one formula without value: blocking, at its cell, says what to do', () => {
    const f = sheetUncalculatedFinding({ name: 'Huvudbok', cells: [['Konto', 'Belopp'], [1930, U]], generated: false });
    expect(f?.code).toBe('formel-utan-varde');
    expect(f?.severity).toBe('blockerande');
    expect(f?.cells.map(cellRefText)).toEqual(['Huvudbok!B2']);
    expect(f?.message).toContain('formeln har inget beräknat värde: öppna arbetsboken i Excel, räkna om och spara');
    expect(f?.message).toContain('Huvudbok!B2');
  });

  test('many: counted in the message, the first hundred cells named', () => {
    const cells = [['Konto', 'Belopp'], ...Array.from({ length: 250 }, () => [U, U])];
    const f = sheetUncalculatedFinding({ name: 'Budget', cells, generated: false });
    expect(f?.message).toContain('500 formler har inget beräknat värde');
    expect(f?.cells).toHaveLength(100);
    expect(cellRefText(f!.cells[0]!)).toBe('Budget!A2');
  });

  test('none: no finding; an Excel error is not one', () => {
    expect(sheetUncalculatedFinding({ name: 'A', cells: [[1, { error: '#N/A' }, null, '']], generated: false })).toBeUndefined();
  });
});

describe('amountFinding', () => {
  test('a formula without value in an amount cell', () => {
    const p = parseAmount(U);
    if (p.ok) throw new Error('läst som belopp');
    const f = amountFinding('Huvudbok', 7, 7, p);
    expect(f.code).toBe('formel-utan-varde');
    expect(f.message).toMatch(/^Formeln har inget beräknat värde: öppna arbetsboken i Excel, räkna om och spara\. \[Huvudbok!G7\]$/);
  });

  test('a percent-formatted cell where an amount is expected', () => {
    const p = parseAmount({ percent: 1.5 });
    if (p.ok) throw new Error('läst som belopp');
    const f = amountFinding('Huvudbok', 7, 7, p);
    expect(f.code).toBe('belopp-ej-tal');
    expect(f.severity).toBe('blockerande');
    expect(f.message).toContain('formaterad som procent (150 %)');
  });
});
