// A checksum of the input cells (FNV-1a, 32 bits, hex), written into each generated sheet's
// marker so that a revisor can tell whether the sources changed since the reports were made.
// The hash is of the text "\u0001<sheet name>" for each sheet and "\u0002<row>,<col>:<value>"
// for each cell that holds something (0-based row and column; the value as String() gives it,
// an object as JSON). It is taken character by character, without building those texts.
import { type CellValue, type SheetSnapshot } from '../workbook/port';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

class Fnv1a {
  hash = FNV_OFFSET;

  char(code: number): void {
    this.hash = Math.imul(this.hash ^ code, FNV_PRIME) >>> 0;
  }

  text(text: string): void {
    let hash = this.hash;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME) >>> 0;
    this.hash = hash;
  }

  /** A whole number from 0 up, in decimal digits. */
  digits(n: number): void {
    if (n >= 10) this.digits(Math.floor(n / 10));
    this.char(48 + (n % 10));
  }
}

export function inputChecksum(snapshots: readonly SheetSnapshot[]): string {
  const fnv = new Fnv1a();
  // Objects (dates, percents, errors) are few and often the same one: their JSON once each.
  const objectTexts = new Map<object, string>();
  const valueAdd = (v: Exclude<CellValue, null>) => {
    if (typeof v === 'string') fnv.text(v);
    else if (typeof v === 'number') {
      if (Number.isSafeInteger(v) && v > 0) fnv.digits(v);
      else fnv.text(String(v));
    } else if (typeof v === 'boolean') fnv.text(v ? 'true' : 'false');
    else {
      let json = objectTexts.get(v);
      if (json === undefined) objectTexts.set(v, (json = JSON.stringify(v)));
      fnv.text(json);
    }
  };
  for (const s of snapshots) {
    fnv.char(1);
    fnv.text(s.name);
    const cells = s.cells;
    for (let r = 0; r < cells.length; r++) {
      const row = cells[r];
      if (row === undefined) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v === null || v === undefined) continue;
        fnv.char(2);
        fnv.digits(r);
        fnv.char(44 /* , */);
        fnv.digits(c);
        fnv.char(58 /* : */);
        valueAdd(v);
      }
    }
  }
  return fnv.hash.toString(16).padStart(8, '0');
}
