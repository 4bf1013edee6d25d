// Inställningar reader: key/value rows (Förbund, Räkenskapsår or Budgetår, Redovisningsenhet,
// Tilldelade medel, Tilldelade medel nästa år, Tilldelade medel <år>, budget sign) and the
// members table (Medlem, Andel av driftbidraget, optional Konto) below them.
import { cellRef, type CellRef } from '../core/cellref';
import { type Finding, finding } from '../core/findings';
import { type Money, moneyFromOre } from '../core/money';
import { type BudgetSignOverride, type Member, type Settings, settingsEmpty } from '../core/settings';
import { type SheetSnapshot } from '../workbook/port';
import { cellIsEmpty, cellText, foldKey } from './cells';
import { yearInText } from './dates';
import { parseAmount, parsePercent } from './numbers';

function parseYear(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2200) return v;
  if (typeof v === 'string' && /^\s*\d{4}\s*$/.test(v)) return Number(v.trim());
  return undefined;
}

export function settingsRead(snapshot: SheetSnapshot | undefined): { settings: Settings; findings: Finding[] } {
  if (!snapshot) return { settings: settingsEmpty, findings: [] };
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
    const at = cellRef(sheet, r, 2);
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
    settings: { forbund, year, yearCell, unit, tilldeladeMedel: perYear, tilldeladeMedelNextYear: nextYear, members, budgetSign },
    findings,
  };
}
