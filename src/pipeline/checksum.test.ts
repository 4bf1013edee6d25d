// The checksum is FNV-1a of the text its module comment defines, whatever the cells hold.
import fc from 'fast-check';
import { type CellValue, type SheetSnapshot } from '../workbook/port';
import { inputChecksum } from './checksum';

/** The definition, built as one text and hashed. */
function checksumByDefinition(snapshots: readonly SheetSnapshot[]): string {
  let text = '';
  for (const s of snapshots) {
    text += `\u0001${s.name}`;
    s.cells.forEach((row, r) => row.forEach((v, c) => {
      if (v !== null) text += `\u0002${r},${c}:${typeof v === 'object' ? JSON.stringify(v) : String(v)}`;
    }));
  }
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ unit: 'binary' }),
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, 1930, 2 ** 53, 1e21, 0.1),
  fc.boolean(),
  fc.record({ date: fc.double({ min: -1e6, max: 1e6 }) }),
  fc.record({ percent: fc.double() }),
  fc.record({ error: fc.constantFrom('#N/A', '#EJBERÄKNAD', '"x"') }),
);

test('the checksum is FNV-1a of the defined text, for any cells', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ name: fc.string(), cells: fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 }) }), { maxLength: 3 }), (sheets) => {
      const snapshots = sheets.map((s) => ({ ...s, generated: false }));
      expect(inputChecksum(snapshots)).toBe(checksumByDefinition(snapshots));
    }),
    { numRuns: 500 },
  );
});

test('a changed cell changes the checksum', () => {
  const a: SheetSnapshot = { name: 'Huvudbok', generated: false, cells: [['Konto', 'Belopp'], [1930, 100.5]] };
  const b: SheetSnapshot = { ...a, cells: [['Konto', 'Belopp'], [1930, 100.25]] };
  expect(inputChecksum([a])).not.toBe(inputChecksum([b]));
});
