// Insatser reader: the driftredovisning's lines with their name (Post or Insats), optional
// Projekt and Konton, Typ and Andel individinriktad, in the order of the sheet.
import { cellRef } from '../core/cellref';
import { type Finding, finding } from '../core/findings';
import { type AccountRange, type InsatsLine, type InsatsType } from '../core/insatser';
import { type SheetSnapshot } from '../workbook/port';
import { sheetUncalculatedFinding } from './amountFinding';
import { cellIsEmpty, cellText } from './cells';
import { type ColumnRole, headerColumn, headerFind } from './header';
import { parsePercent } from './numbers';

export const INSATSER_ROLES: readonly ColumnRole[] = [
  { role: 'Andel individinriktad', names: ['andelindividinriktad', 'individandel', 'andelindivid', 'individinriktadandel', 'andelindividinriktat'], test: (f) => f.includes('individ') && (f.includes('andel') || f.includes('%')) },
  { role: 'Typ', names: ['typ', 'insatstyp', 'kategori'], words: ['typ', 'insatstyp', 'kategori'] },
  { role: 'Projekt', names: ['projekt', 'projektkod', 'aktivitet', 'objekt', 'projektnr'], words: ['projekt', 'projektkod', 'projektnr', 'projnr', 'proj', 'aktivitet', 'objekt', 'kod', 'ks', 'kst', 'kostnadsställe'], unique: true },
  { role: 'Konton', names: ['konton', 'konto', 'kontointervall', 'kontonr'], words: ['konton', 'konto', 'kontointervall', 'kontonr'], unique: true },
  { role: 'Post', names: ['post', 'insats', 'namn', 'rad', 'insatsnamn', 'benämning'], words: ['post', 'insats', 'insatsnamn', 'benämning', 'namn'], unique: true },
];

export function insatsTypeParse(text: string, name: string): InsatsType | undefined {
  const t = text.toLowerCase();
  if (t.trim() === '') return /styrelse|kansli|administration/i.test(name) ? 'Administration' : 'Individinriktad';
  if (/ej fördelat|ofördelat|kvar att fördela/.test(t)) return 'Ej fördelat';
  if (/administration|styrelse|kansli/.test(t)) return 'Administration';
  if (/medlemsbidrag|driftbidrag|driftsbidrag/.test(t)) return 'Medlemsbidrag';
  if (/finansiell/.test(t)) return 'Finansiell post';
  const individ = /individ/.test(t);
  const other = /process|struktur|samverkan/.test(t);
  if (individ && other) return 'Blandad';
  if (individ) return 'Individinriktad';
  if (/struktur|processtöd/.test(t)) return 'Strukturövergripande';
  if (/samverkan/.test(t)) return 'Samverkansstödjande';
  return undefined;
}

export function accountRangesParse(text: string): AccountRange[] | undefined {
  if (text.trim() === '') return [];
  const ranges: AccountRange[] = [];
  for (const part of text.split(/[,;]+/).map((p) => p.trim()).filter((p) => p !== '')) {
    const m = /^(\d+)\s*(?:[-–—]\s*(\d+))?$/.exec(part);
    if (!m?.[1]) return undefined;
    ranges.push({ from: m[1], to: m[2] ?? m[1] });
  }
  return ranges;
}

export function insatserRead(snapshot: SheetSnapshot | undefined): { lines: InsatsLine[]; findings: Finding[] } {
  if (!snapshot) return { lines: [], findings: [] };
  const uncalculated = sheetUncalculatedFinding(snapshot);
  if (uncalculated) return { lines: [], findings: [uncalculated] };
  const sheet = snapshot.name;
  const found = headerFind(sheet, snapshot.cells, INSATSER_ROLES, (m) => m.columns.has('Post'), 'Post eller Insats', 10);
  const findings = [...found.findings];
  const header = found.header;
  if (!header) return { lines: [], findings };
  const cPost = headerColumn(header, 'Post') as number;
  const cProjekt = headerColumn(header, 'Projekt');
  const cKonton = headerColumn(header, 'Konton');
  const cTyp = headerColumn(header, 'Typ');
  const cAndel = headerColumn(header, 'Andel individinriktad');
  const lines: InsatsLine[] = [];
  for (let r = header.row + 1; r <= snapshot.cells.length; r++) {
    const row = snapshot.cells[r - 1] ?? [];
    const name = cellText(row[cPost - 1] ?? null);
    if (name === '') continue;
    const typeText = cTyp ? cellText(row[cTyp - 1] ?? null) : '';
    const type = insatsTypeParse(typeText, name);
    if (!type) {
      findings.push(finding('insats-ogiltig', `Typen "${typeText}" för ${name} är okänd: skriv Individinriktad, Strukturövergripande, Samverkansstödjande, Ej fördelat, Administration, Medlemsbidrag eller Finansiell post.`, [cellRef(sheet, r, cTyp as number)]));
      continue;
    }
    const kontoText = cKonton ? cellText(row[cKonton - 1] ?? null) : '';
    const accounts = accountRangesParse(kontoText);
    if (!accounts) {
      findings.push(finding('insats-ogiltig', `Kontona "${kontoText}" för ${name} går inte att läsa: skriv till exempel 3500-3599 eller 4610, 4620.`, [cellRef(sheet, r, cKonton as number)]));
      continue;
    }
    const projekt = cProjekt ? cellText(row[cProjekt - 1] ?? null).split(/[,;]+/).map((p) => p.trim()).filter((p) => p !== '') : [];
    const andelCell = cAndel ? row[cAndel - 1] ?? null : null;
    let share = type === 'Individinriktad' ? 1 : type === 'Blandad' ? 0.5 : 0;
    if (!cellIsEmpty(andelCell)) {
      const parsed = parsePercent(andelCell);
      if (parsed === undefined) {
        findings.push(finding('andel-ogiltig', `Andel individinriktad för ${name} är "${cellText(andelCell)}", som inte går att läsa som procent.`, [cellRef(sheet, r, cAndel as number)]));
        continue;
      }
      if (parsed < 0 || parsed > 1) {
        findings.push(finding(parsed < 0 ? 'andel-negativ' : 'andel-ogiltig', `Andel individinriktad för ${name} är ${cellText(andelCell)}: den ska vara mellan 0 % och 100 %.`, [cellRef(sheet, r, cAndel as number)]));
        continue;
      }
      share = parsed;
    }
    lines.push({ name, projekt, accounts, type, individShare: share, cell: cellRef(sheet, r, cPost) });
  }
  return { lines, findings };
}
