// Inställningar reader: key/value rows (Förbund, Räkenskapsår or Budgetår, Redovisningsenhet,
// Tilldelade medel, Tilldelade medel nästa år, Tilldelade medel <år>, budget sign, Startår,
// Insatsdimension, Kolumn <roll>) and the members table (Medlem, Andel av driftbidraget,
// optional Konto) below them. Startår, Insatsdimension and Kolumn rows are read wherever they
// stand, below the members table too.
import { cellRef, type CellRef } from '../core/cellref';
import { type Finding, finding } from '../core/findings';
import { type Money, moneyFromOre } from '../core/money';
import { type BudgetSignOverride, type ColumnChoice, type Member, type Settings, settingsEmpty } from '../core/settings';
import { type CellValue, type SheetSnapshot } from '../workbook/port';
import { sheetUncalculatedFinding } from './amountFinding';
import { cellIsDate, cellIsEmpty, cellText, foldKey } from './cells';
import { dateFromSerial, parseDate, yearInText } from './dates';
import { parseAmount, parsePercent } from './numbers';

function parseYear(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2200) return v;
  if (typeof v === 'string' && /^\s*\d{4}\s*$/.test(v)) return Number(v.trim());
  return undefined;
}

/** A year, or the year of a date ("Förbundet bildat 2019-03-01"). */
function parseYearOrDate(v: CellValue): number | undefined {
  const year = parseYear(v);
  if (year !== undefined) return year;
  if (cellIsDate(v)) return dateFromSerial(v.date)?.year;
  if (typeof v === 'string') return parseDate(v)?.year;
  return undefined;
}

/** Keys naming the year the förbund started: Startår, Förbundet bildat, Första verksamhetsår, Startade. */
function isStartYearKey(key: string): boolean {
  return key.includes('startår') || key.includes('startade') || key.includes('bildat') || key.includes('förstaverksamhetsår');
}

/** The role of a "Kolumn <roll>" key as written, or undefined for any other key. */
function columnChoiceRole(keyText: string): string | undefined {
  const m = /^\s*kolumn(?:\s+|\s*[:\-–]\s*)(\S.*?)\s*$/i.exec(keyText);
  return m ? m[1] : undefined;
}

export function settingsRead(snapshot: SheetSnapshot | undefined): { settings: Settings; findings: Finding[] } {
  if (!snapshot) return { settings: settingsEmpty, findings: [] };
  const uncalculated = sheetUncalculatedFinding(snapshot);
  if (uncalculated) return { settings: settingsEmpty, findings: [uncalculated] };
  const sheet = snapshot.name;
  const findings: Finding[] = [];
  let forbund: string | undefined;
  let year: number | undefined;
  let yearCell: CellRef | undefined;
  let unit: 'kr' | 'tkr' = 'kr';
  let budgetSign: BudgetSignOverride;
  let tilldelade: { money: Money; cell: CellRef } | undefined;
  let nextYear: Money | undefined;
  const perYear = new Map<number, Money>();
  const members: Member[] = [];
  let inMembers = false;
  let memberAccountCol: number | undefined;
  let startYear: { year: number; cell: CellRef } | undefined;
  let insatsDimension: { text: string; cell: CellRef } | undefined;
  // Column choices by folded role: the first row of a role counts, a second one is named.
  const columnChoices = new Map<string, ColumnChoice>();

  /** Startår, Insatsdimension and Kolumn rows, read wherever they stand; true when the row was one. */
  const readAnywhere = (key: string, keyCell: CellValue, value: CellValue, at: CellRef): boolean => {
    const role = columnChoiceRole(cellText(keyCell));
    if (role !== undefined) {
      const column = cellText(value);
      if (column === '') return true;
      const earlier = columnChoices.get(foldKey(role));
      if (!earlier) columnChoices.set(foldKey(role), { role, column, cell: at });
      else if (foldKey(earlier.column) !== foldKey(column)) {
        findings.push(finding('installning-ogiltig', `Bladet ${sheet} anger två kolumner för ${role}: "${earlier.column}" och "${column}". Ta bort den rad som inte gäller.`, [earlier.cell, at]));
      }
      return true;
    }
    if (key.includes('insatsdimension')) {
      const text = cellText(value);
      if (text === '') return true;
      if (!insatsDimension) insatsDimension = { text, cell: at };
      else if (foldKey(insatsDimension.text) !== foldKey(text)) {
        findings.push(finding('installning-ogiltig', `Bladet ${sheet} anger två insatsdimensioner: "${insatsDimension.text}" och "${text}". Ta bort den rad som inte gäller.`, [insatsDimension.cell, at]));
      }
      return true;
    }
    if (isStartYearKey(key)) {
      if (cellIsEmpty(value)) return true;
      const y = parseYearOrDate(value);
      if (y === undefined) {
        findings.push(finding('installning-ogiltig', `${cellText(keyCell)} är "${cellText(value)}", som inte är ett årtal: skriv året förbundet startade, till exempel 2019.`, [at]));
      } else if (!startYear) startYear = { year: y, cell: at };
      else if (startYear.year !== y) {
        findings.push(finding('installning-ogiltig', `Bladet ${sheet} anger två startår för förbundet: ${startYear.year} och ${y}. Ta bort den rad som inte gäller.`, [startYear.cell, at]));
      }
      return true;
    }
    return false;
  };

  snapshot.cells.forEach((row, i) => {
    const r = i + 1;
    const keyCell = row[0] ?? null;
    const value = row[1] ?? null;
    const key = foldKey(cellText(keyCell));
    if (key === '') return;
    if (key === 'medlem' || key === 'medlemmar' || key === 'huvudman') {
      inMembers = true;
      row.forEach((h, c) => {
        if (/^konto/.test(foldKey(cellText(h)))) memberAccountCol = c + 1;
      });
      return;
    }
    if (key === 'inställning' || key === 'nyckel') return;
    const at = cellRef(sheet, r, 2);
    if (readAnywhere(key, keyCell, value, at)) return;
    if (inMembers) {
      if (cellIsEmpty(value)) return;
      const share = parsePercent(value);
      if (share === undefined) {
        findings.push(finding('andel-ogiltig', `Andelen för ${cellText(keyCell)} är "${cellText(value)}", som inte går att läsa som procent.`, [cellRef(sheet, r, 2)]));
        return;
      }
      if (share < 0) findings.push(finding('andel-negativ', `Andelen för ${cellText(keyCell)} är negativ (${cellText(value)}).`, [cellRef(sheet, r, 2)]));
      const accounts = memberAccountCol ? cellText(row[memberAccountCol - 1] ?? null).split(/[,;\s]+/).filter((a) => /^\d+$/.test(a)) : [];
      members.push({ name: cellText(keyCell), share, accounts, cell: cellRef(sheet, r, 2) });
      return;
    }
    if (['förbund', 'förbundetsnamn', 'namn', 'samordningsförbund', 'organisation'].includes(key)) {
      forbund = cellText(value) || undefined;
    } else if (['räkenskapsår', 'budgetår', 'år', 'redovisningsår', 'verksamhetsår', 'bokslutsår'].includes(key)) {
      const y = parseYear(value);
      if (y === undefined) findings.push(finding('installning-ogiltig', `${cellText(keyCell)} är "${cellText(value)}", som inte är ett årtal.`, [at]));
      else if (year === undefined || key === 'räkenskapsår') {
        year = y;
        yearCell = at;
      }
    } else if (['redovisningsenhet', 'enhet', 'presentationsenhet', 'valuta'].includes(key)) {
      const u = foldKey(cellText(value));
      if (u === 'tkr' || u === 'tusenkronor') unit = 'tkr';
      else if (u === 'kr' || u === 'kronor' || u === '') unit = 'kr';
      else findings.push(finding('installning-ogiltig', `Redovisningsenheten är "${cellText(value)}": skriv kr eller tkr.`, [at]));
    } else if (key.startsWith('tilldeladememedel') || key.startsWith('tilldeladmedel') || key.startsWith('tilldelademedel')) {
      const p = parseAmount(value);
      if (!p.ok) {
        findings.push(finding('installning-ogiltig', `${cellText(keyCell)} är "${cellText(value)}", som inte är ett belopp.`, [at]));
        return;
      }
      const money = moneyFromOre(p.ore);
      const y = yearInText(cellText(keyCell));
      if (/nästa/.test(key)) nextYear = money;
      else if (y !== undefined) perYear.set(y, money);
      else tilldelade = { money, cell: at };
    } else if (key.includes('tecken')) {
      const v = foldKey(cellText(value));
      if (/bokför|ledger|huvudbok|debet/.test(v)) budgetSign = 'bokföring';
      else if (/rapport|resultat/.test(v)) budgetSign = 'rapport';
      else findings.push(finding('installning-ogiltig', `${cellText(keyCell)} är "${cellText(value)}": skriv Bokföringstecken eller Rapporttecken.`, [at]));
    }
  });
  if (tilldelade && year !== undefined && !perYear.has(year)) perYear.set(year, tilldelade.money);
  if (nextYear && year !== undefined && !perYear.has(year + 1)) perYear.set(year + 1, nextYear);
  return {
    settings: {
      forbund,
      year,
      yearCell,
      unit,
      tilldeladeMedel: perYear,
      tilldeladeMedelNextYear: nextYear,
      members,
      budgetSign,
      startYear: startYear?.year,
      startYearCell: startYear?.cell,
      insatsDimension: insatsDimension?.text,
      insatsDimensionCell: insatsDimension?.cell,
      columnChoices: [...columnChoices.values()],
    },
    findings,
  };
}
