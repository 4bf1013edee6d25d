// Huvudbok reader: finds the header below any title rows, recognises the columns by their
// Swedish names and variants (Konto, Kontonamn/Benämning, Projekt/Aktivitet/Objekt, Datum,
// Ver.nr, Text, Belopp or Debet + Kredit, Typ), tells IB rows apart and turns every row into
// a ledger row that remembers its cell. Several years in one sheet are fine.
import { cellRef } from '../core/cellref';
import { finding } from '../core/findings';
import { type Ledger, type LedgerRow } from '../core/ledger';
import { type CellValue, type SheetSnapshot } from '../workbook/port';
import { amountFinding } from './amountFinding';
import { cellIsEmpty, cellIsError, cellText, foldKey } from './cells';
import { parseDate, yearInText } from './dates';
import { FindingList } from './findingLimit';
import { type ColumnRole, headerColumn, headerFind } from './header';
import { parseAmount } from './numbers';
import { type Finding } from '../core/findings';

export const LEDGER_ROLES: readonly ColumnRole[] = [
  { role: 'Konto', names: ['konto', 'kontonr', 'kontonummer', 'account', 'kto'], unique: true },
  { role: 'Kontonamn', names: ['kontonamn', 'benämning', 'kontobenämning', 'kontotext', 'namn'] },
  { role: 'Projekt', names: ['projekt', 'aktivitet', 'objekt', 'projektnr', 'projektkod', 'proj', 'aktivitetskod', 'projektnummer'], unique: true },
  { role: 'Ansvar', names: ['ansvar', 'ansvarskod'] },
  { role: 'Verksamhet', names: ['verksamhet', 'vht', 'verksamhetskod'] },
  { role: 'Datum', names: ['datum', 'bokföringsdatum', 'bokfdatum', 'verifikationsdatum', 'transaktionsdatum', 'verdatum', 'period', 'bokföringsperiod', 'date'] },
  { role: 'Ver.nr', names: ['vernr', 'ver', 'verifikation', 'verifikationsnummer', 'vernummer', 'verifikationsnr', 'vnr', 'verifikat'] },
  { role: 'Text', names: ['text', 'verifikationstext', 'beskrivning', 'transaktionstext', 'radtext'] },
  { role: 'Belopp', names: ['belopp', 'summa', 'beloppkr', 'beloppsek', 'sek', 'kronor', 'belopp(kr)'], unique: true },
  { role: 'Debet', names: ['debet', 'debit'], unique: true },
  { role: 'Kredit', names: ['kredit', 'credit'], unique: true },
  { role: 'Typ', names: ['typ', 'radtyp', 'transaktionstyp'] },
];

export interface LedgerReadOptions {
  /** The year to use when the sheet has no date column (Inställningar's räkenskapsår). */
  readonly fallbackYear?: number;
}

export interface LedgerRead {
  readonly ledger: Ledger | undefined;
  readonly findings: readonly Finding[];
}

function isIbRow(voucher: string, text: string, typ: string): boolean {
  const v = foldKey(voucher);
  const t = text.trim().toLowerCase();
  const ty = foldKey(typ);
  return v === 'ib' || ty === 'ib' || ty === 'ingåendebalans' || /^(ingående balans|ing\.? balans|ib\b|ingående saldo)/.test(t);
}

/** The account number in a cell: 1930, "1930", "1930 Bank". */
export function accountFromCell(v: CellValue): string | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return String(v);
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d{2,8})(?:\s|$|[^\d])/.exec(v);
  return m?.[1];
}

export function ledgerRead(snapshot: SheetSnapshot, options: LedgerReadOptions = {}): LedgerRead {
  const sheet = snapshot.name;
  const cells = snapshot.cells;
  const found = headerFind(sheet, cells, LEDGER_ROLES, (m) => m.columns.has('Konto') && (m.columns.has('Belopp') || (m.columns.has('Debet') && m.columns.has('Kredit'))), 'Konto och Belopp (eller Debet och Kredit)');
  const findings = new FindingList();
  findings.addAll(found.findings);
  const header = found.header;
  if (!header || found.findings.some((f) => f.severity === 'blockerande')) return { ledger: undefined, findings: findings.done() };

  const col = (role: string) => headerColumn(header, role);
  const cKonto = col('Konto') as number;
  const cNamn = col('Kontonamn');
  const cProjekt = col('Projekt');
  const cDatum = col('Datum');
  const cVer = col('Ver.nr');
  const cText = col('Text');
  const cBelopp = col('Belopp');
  const cDebet = col('Debet');
  const cKredit = col('Kredit');
  const cTyp = col('Typ');

  let titleYear: number | undefined;
  for (let r = 1; r < header.row && titleYear === undefined; r++) {
    for (const v of cells[r - 1] ?? []) {
      const y = typeof v === 'string' ? yearInText(v) : undefined;
      if (y) {
        titleYear = y;
        break;
      }
    }
  }
  const defaultYear = cDatum === undefined ? titleYear ?? options.fallbackYear : undefined;
  if (cDatum === undefined && defaultYear === undefined) {
    findings.add(finding('ar-saknas', `Bladet ${sheet} har ingen datumkolumn och inget år i rubriken, och Inställningar anger inget räkenskapsår: skriv räkenskapsåret i bladet Inställningar.`, [cellRef(sheet, header.row, 1)]));
    return { ledger: undefined, findings: findings.done() };
  }

  const rows: LedgerRow[] = [];
  const accountNames = new Map<string, string>();
  let hasVouchers = false;
  const get = (row: readonly CellValue[], c: number | undefined): CellValue => (c === undefined ? null : row[c - 1] ?? null);
  for (let r = header.row + 1; r <= cells.length; r++) {
    const row = cells[r - 1];
    if (!row || row.every((v) => cellIsEmpty(v))) continue;
    const kontoCell = get(row, cKonto);
    const amountCells: CellValue[] = cBelopp !== undefined ? [get(row, cBelopp)] : [get(row, cDebet), get(row, cKredit)];
    const textOfRow = cellText(get(row, cText));
    if (cellIsEmpty(kontoCell)) {
      if (amountCells.every((v) => cellIsEmpty(v))) continue;
      const label = row.map((v) => cellText(v)).join(' ').trim().toLowerCase();
      if (/^(summa|totalt|total|saldo|utgående|ingående|ub\b|ib\b)/.test(label) || /\b(summa|totalt)\b/.test(label)) continue;
      findings.add(finding('konto-saknas', `Raden har belopp men inget konto.`, [cellRef(sheet, r, cKonto)]));
      continue;
    }
    if (cellIsError(kontoCell)) {
      findings.add(finding('cell-fel', `Kontocellen innehåller felvärdet ${cellText(kontoCell)}.`, [cellRef(sheet, r, cKonto)]));
      continue;
    }
    const account = accountFromCell(kontoCell);
    if (!account) {
      const shown = cellText(kontoCell);
      if (/^(summa|totalt|total)/i.test(shown)) continue;
      findings.add(finding('konto-ogiltigt', `Kontocellen innehåller "${shown}", som inte är ett kontonummer.`, [cellRef(sheet, r, cKonto)]));
      continue;
    }
    // Amount: Belopp, or Debet − Kredit.
    let ore = 0;
    let amountCol = cBelopp ?? (cDebet as number);
    let bad = false;
    if (cBelopp !== undefined) {
      const p = parseAmount(get(row, cBelopp));
      if (p.ok) ore = p.ore;
      else {
        findings.add(amountFinding(sheet, r, cBelopp, p));
        bad = true;
      }
    } else {
      const d = parseAmount(get(row, cDebet));
      const k = parseAmount(get(row, cKredit));
      if (!d.ok) findings.add(amountFinding(sheet, r, cDebet as number, d));
      if (!k.ok) findings.add(amountFinding(sheet, r, cKredit as number, k));
      if (d.ok && k.ok) {
        ore = d.ore - k.ore;
        if (d.ore === 0 && k.ore !== 0) amountCol = cKredit as number;
      } else bad = true;
    }
    if (bad) continue;
    // Year: from the date, else the title or settings.
    let year = defaultYear;
    if (cDatum !== undefined) {
      const dv = get(row, cDatum);
      const date = parseDate(dv);
      if (!date) {
        if (cellIsError(dv)) findings.add(finding('cell-fel', `Datumcellen innehåller felvärdet ${cellText(dv)}.`, [cellRef(sheet, r, cDatum)]));
        else findings.add(finding('datum-ogiltigt', `Datumcellen innehåller "${cellText(dv)}", som inte är ett datum (skriv till exempel 2024-03-15).`, [cellRef(sheet, r, cDatum)]));
        continue;
      }
      year = date.year;
    }
    const name = cellText(get(row, cNamn));
    if (name !== '' && !accountNames.has(account)) accountNames.set(account, name);
    else if (!accountNames.has(account) && typeof kontoCell === 'string') {
      const rest = kontoCell.replace(/^\s*\d+\s*/, '').trim();
      if (rest !== '') accountNames.set(account, rest);
    }
    const voucher = cellText(get(row, cVer));
    const ib = isIbRow(voucher, textOfRow, cellText(get(row, cTyp)));
    if (!ib && voucher !== '') hasVouchers = true;
    rows.push({
      account,
      year: year as number,
      ore,
      isIB: ib,
      projekt: cellText(get(row, cProjekt)),
      voucher: ib ? '' : voucher,
      sheet,
      row: r,
      col: amountCol,
    });
  }
  if (rows.length === 0 && findings.items.length === 0) {
    findings.add(finding('huvudbok-tom', `Bladet ${sheet} har en rubrikrad (rad ${header.row}) men inga bokförda rader under den.`, [cellRef(sheet, header.row, cKonto)]));
  }
  return { ledger: { sources: [sheet], rows, accountNames, hasVouchers }, findings: findings.done() };
}
