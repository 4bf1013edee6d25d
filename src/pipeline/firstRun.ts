// The first run in a workbook that has a ledger but no Inställningar or Insatser sheet:
// proposes both, prefilled from what the ledger shows (förbund from its title, the latest
// year, the driftbidrag of that year, one Insatser line per projekt code, the driftbidrag and
// financial account ranges), for the user to confirm and complete before the first report.
import { accountDefaultLine } from '../core/accounts';
import { ledgerSummarise } from '../core/ledger';
import { moneyFromOre, moneyToCellNumber } from '../core/money';
import { cellText } from '../sheets/cells';
import { sheetRolesDetect } from '../sheets/detect';
import { ledgerRead } from '../sheets/ledgerReader';
import { sheetTextFit } from '../sheets/render';
import { type SheetSnapshot, type SheetSpec, type SpecCell } from '../workbook/port';

const bold = (value: string): SpecCell => ({ value, style: { bold: true, fill: 'DDEBF7' } });
const cell = (value: string | number | null): SpecCell | null => (value === null ? null : { value });

export interface SettingsProposal {
  /** The sheets to create (empty when the workbook has them, or has no ledger to start from). */
  readonly sheets: readonly SheetSpec[];
  readonly missing: readonly ('Inställningar' | 'Insatser')[];
}

export function settingsProposal(snapshots: readonly SheetSnapshot[]): SettingsProposal {
  const roles = sheetRolesDetect(snapshots);
  const missing = [...(roles.settings ? [] : (['Inställningar'] as const)), ...(roles.insatser ? [] : (['Insatser'] as const))];
  const ledgerSheet = snapshots.find((s) => s.name === roles.ledger);
  if (missing.length === 0 || !ledgerSheet) return { sheets: [], missing };
  const ledger = ledgerRead(ledgerSheet).ledger;
  if (!ledger) return { sheets: [], missing };
  const summary = ledgerSummarise(ledger);
  const year = summary.years[summary.years.length - 1];
  const accounts = year !== undefined ? summary.byYear.get(year) : undefined;
  let driftbidragOre = 0;
  const projekt = new Set<string>();
  for (const [account, totals] of accounts ?? []) {
    if (account.startsWith('35') || account.startsWith('36')) driftbidragOre -= totals.movementOre;
    if (accountDefaultLine(account) === 'Verksamhetens kostnader') for (const p of totals.movementByProjekt.keys()) if (p !== '') projekt.add(p);
  }
  const title = cellText(ledgerSheet.cells[0]?.[0] ?? null);
  const sheets: SheetSpec[] = [];
  if (missing.includes('Inställningar')) {
    sheets.push({
      name: 'Inställningar',
      kind: 'settings',
      rows: [
        [bold('Inställning'), bold('Värde')],
        [cell('Förbund'), cell(/samordningsförbund/i.test(title) ? title : 'Samordningsförbundet …')],
        [cell('Räkenskapsår'), cell(year ?? null)],
        [cell('Redovisningsenhet'), cell('kr')],
        [cell('Tilldelade medel'), { value: moneyToCellNumber(moneyFromOre(driftbidragOre)), format: '#,##0' }],
        [],
        [bold('Medlem'), bold('Andel av driftbidraget')],
        [cell('Försäkringskassan (staten)'), cell('50 %')],
        [cell('Region'), cell('25 %')],
        [cell('Kommun'), cell('25 %')],
        [],
        [cell('Förslag från Finsam Ekonomi: kontrollera förbundets namn, året, tilldelade medel och medlemmarna med deras andelar.')],
      ],
      widths: [30, 28],
      freezeRows: 0,
    });
  }
  if (missing.includes('Insatser')) {
    const numeric = [...projekt].sort((a, b) => (Number(a) || 0) - (Number(b) || 0) || a.localeCompare(b));
    sheets.push({
      name: 'Insatser',
      kind: 'settings',
      rows: [
        ['Projekt', 'Konton', 'Post', 'Typ', 'Andel individinriktad'].map(bold),
        [null, cell('3500-3699'), cell('Driftbidrag'), cell('Medlemsbidrag'), null],
        ...numeric.map((p) => [cell(Number.isFinite(Number(p)) ? Number(p) : p), null, cell(`Projekt ${p}`), cell('Ej fördelat'), cell('0 %')]),
        [null, cell('8400-8499'), cell('Finansiella intäkter'), cell('Finansiell post'), null],
        [null, cell('8500-8599'), cell('Finansiella kostnader'), cell('Finansiell post'), null],
        [],
        [cell('Förslag: ge varje projekt sitt namn (Post), sin typ (Individinriktad, Strukturövergripande, Samverkansstödjande, Administration) och andel individinriktad.')],
      ],
      widths: [10, 14, 36, 22, 20],
      freezeRows: 1,
    });
  }
  // Texts from the ledger (its title, projekt codes) fit a cell whatever their length.
  return { sheets: sheets.map((s) => sheetTextFit(s).sheet), missing };
}
