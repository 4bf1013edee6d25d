// A checksum of the input cells (FNV-1a, 32 bits, hex), written into each generated sheet's
// marker so that a revisor can tell whether the sources changed since the reports were made.
import { type SheetSnapshot } from '../workbook/port';

export function inputChecksum(snapshots: readonly SheetSnapshot[]): string {
  let hash = 0x811c9dc5;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  };
  for (const s of snapshots) {
    add(`\u0001${s.name}`);
    s.cells.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null) return;
        add(`\u0002${r},${c}:${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
      });
    });
  }
  return hash.toString(16).padStart(8, '0');
}
