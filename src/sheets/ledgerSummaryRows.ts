// The summary rows of a ledger print are checks, never transactions: an account's
// "Utgående saldo" must equal its IB plus the movements above it, an "Omslutning" row its
// block's debet and kredit, a "Huvudboksomslutning" the sheet's, and a Saldo column the
// running balance. Each kind becomes one Kontroll row; each mismatch a finding at its cell.
import { cellRef, type CellRef } from '../core/cellref';
import { finding } from '../core/findings';
import { moneyFormatKr, moneyFromOre, moneyZero } from '../core/money';
import { type Reconciliation, reconcile } from '../core/reconciliation';
import { type FindingList } from './findingLimit';
import { type CellValue } from '../workbook/port';
import { cellText } from './cells';

/** What a row without transaction meaning is, read from its label. */
export type SummaryKind = 'ub' | 'omslutning' | 'total';

/** Labels seen, with their kind (null for none): a ledger repeats its texts on many rows. */
const kindsSeen = new Map<string, SummaryKind | null>();

/** The kind of summary a row's label names, or undefined for an ordinary row. */
export function summaryKindOf(label: string): SummaryKind | undefined {
  const seen = kindsSeen.get(label);
  if (seen !== undefined) return seen ?? undefined;
  const kind = labelKindRead(label);
  if (kindsSeen.size >= 4096) kindsSeen.clear();
  kindsSeen.set(label, kind ?? null);
  return kind;
}

function labelKindRead(label: string): SummaryKind | undefined {
  const t = label.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return undefined;
  if (/^(huvudboksomslutning|total kontoomslutning|totalt|total|totalsumma|slutsumma|summa huvudbok|grand total|summa totalt)\b/.test(t)) return 'total';
  if (/^(utgående|utg\.?) ?(saldo|balans)|^ub\b|^closing balance|^saldo vid (periodens|årets) slut/.test(t)) return 'ub';
  if (/^(omslutning|periodens omslutning|kontoomslutning|summa (period|konto|transaktioner|rörelse)|summa\b.*\d{4}|rörelse)/.test(t)) return 'omslutning';
  if (/^summa\b/.test(t)) return 'total';
  return undefined;
}

/** A text of separators only ("-----", "====="). */
function textIsSeparator(t: string): boolean {
  return /^[-=_.*\s]+$/.test(t) && /[-=_*]/.test(t);
}

/** A row of separators ("-----", "=====") only. */
export function rowIsSeparator(texts: readonly string[]): boolean {
  return texts.length > 0 && texts.every(textIsSeparator);
}

/** What a row of cells is before it is read: empty, separators only, or something to read. */
export function rowShape(row: readonly CellValue[] | undefined): 'tom' | 'avdelare' | 'rad' {
  if (!row) return 'tom';
  let filled = false;
  for (const v of row) {
    if (v === null) continue;
    if (typeof v !== 'string') return 'rad';
    const t = cellText(v);
    if (t === '') continue;
    if (!textIsSeparator(t)) return 'rad';
    filled = true;
  }
  return filled ? 'avdelare' : 'tom';
}

interface Totals {
  debet: number;
  kredit: number;
  net: number;
}

const zero = (): Totals => ({ debet: 0, kredit: 0, net: 0 });

function add(t: Totals, ore: number): void {
  if (ore >= 0) t.debet += ore;
  else t.kredit -= ore;
  t.net += ore;
}

/** Keeps the running figures a ledger's summary rows are checked against. */
export class LedgerSummaryChecks {
  private block = new Map<string, number>();
  private blockMovement = zero();
  private sheetMovement = zero();
  private sheetOpening = zero();
  private lastSaldo = new Map<string, { saldo: number; year: number | undefined }>();
  private readonly deviations = new Map<string, { ore: number; cells: CellRef[]; rows: number }>();

  constructor(
    private readonly sheet: string,
    private readonly findings: FindingList,
  ) {}

  private record(kind: string, ok: boolean, ore: number, cell: CellRef): void {
    const d = this.deviations.get(kind) ?? { ore: 0, cells: [], rows: 0 };
    d.rows++;
    if (!ok) {
      d.ore += Math.abs(ore);
      if (d.cells.length < 20) d.cells.push(cell);
    }
    this.deviations.set(kind, d);
  }

  /** A transaction or IB row read into the books. */
  booked(account: string, ore: number, isIB: boolean): void {
    this.block.set(account, (this.block.get(account) ?? 0) + ore);
    if (isIB) add(this.sheetOpening, ore);
    else {
      add(this.blockMovement, ore);
      add(this.sheetMovement, ore);
    }
  }

  /** A Saldo cell: the running balance of its account after the row. */
  saldo(account: string, year: number | undefined, ore: number, saldoOre: number, isIB: boolean, row: number, col: number): void {
    const prev = this.lastSaldo.get(account);
    const candidates = isIB ? [ore] : prev && prev.year !== undefined && prev.year === year ? [prev.saldo + ore] : [ore, (prev?.saldo ?? 0) + ore];
    const ok = candidates.includes(saldoOre);
    this.record('saldo', ok, saldoOre - (candidates[0] ?? 0), cellRef(this.sheet, row, col));
    if (!ok) {
      this.findings.add(finding('summarad-avviker', `Saldot ${moneyFormatKr(moneyFromOre(saldoOre))} för konto ${account} stämmer inte med föregående saldo plus radens belopp (${moneyFormatKr(moneyFromOre(candidates[candidates.length - 1] ?? 0))}): kontrollera raden och raderna ovanför.`, [cellRef(this.sheet, row, col)]));
    }
    this.lastSaldo.set(account, { saldo: saldoOre, year });
  }

  /** "Utgående saldo" for an account: IB plus the block's movements. */
  closing(account: string, ore: number, row: number, col: number, yearBalance: number | undefined): void {
    const fromBlock = this.block.get(account) ?? 0;
    const ok = ore === fromBlock || (yearBalance !== undefined && ore === yearBalance);
    this.record('ub', ok, ore - fromBlock, cellRef(this.sheet, row, col));
    if (!ok) {
      this.findings.add(finding('summarad-avviker', `Utgående saldo ${moneyFormatKr(moneyFromOre(ore))} för konto ${account} stämmer inte med ingående balans plus kontots rader ovanför (${moneyFormatKr(moneyFromOre(fromBlock))}): någon rad saknas eller är fel.`, [cellRef(this.sheet, row, col)]));
    }
    this.endBlock(account);
  }

  /** "Omslutning" of a block: its debet and kredit (or its net where only a signed amount is given). */
  turnover(row: number, col: number, debet: number | undefined, kredit: number | undefined, net: number | undefined): void {
    const b = this.blockMovement;
    const ok = debet !== undefined && kredit !== undefined ? debet === b.debet && kredit === b.kredit : net === b.net;
    this.record('omslutning', ok, (debet ?? net ?? 0) - (debet !== undefined ? b.debet : b.net), cellRef(this.sheet, row, col));
    if (!ok) {
      this.findings.add(finding('summarad-avviker', `Omslutningen på raden (debet ${moneyFormatKr(moneyFromOre(debet ?? 0))}, kredit ${moneyFormatKr(moneyFromOre(kredit ?? 0))}) stämmer inte med kontots rader ovanför (debet ${moneyFormatKr(moneyFromOre(b.debet))}, kredit ${moneyFormatKr(moneyFromOre(b.kredit))}).`, [cellRef(this.sheet, row, col)]));
    }
  }

  /** A sheet total: the movements (with or without the IB rows) since the last total. */
  total(row: number, col: number, debet: number | undefined, kredit: number | undefined, net: number | undefined): void {
    const m = this.sheetMovement;
    const withIb: Totals = { debet: m.debet + this.sheetOpening.debet, kredit: m.kredit + this.sheetOpening.kredit, net: m.net + this.sheetOpening.net };
    const fits = (t: Totals) => (debet !== undefined && kredit !== undefined ? debet === t.debet && kredit === t.kredit : net === t.net);
    const ok = fits(m) || fits(withIb);
    this.record('total', ok, (debet ?? net ?? 0) - (debet !== undefined ? m.debet : m.net), cellRef(this.sheet, row, col));
    if (!ok) {
      this.findings.add(finding('summarad-avviker', `Summaraden (debet ${moneyFormatKr(moneyFromOre(debet ?? net ?? 0))}, kredit ${moneyFormatKr(moneyFromOre(kredit ?? 0))}) stämmer inte med bladets rader ovanför (debet ${moneyFormatKr(moneyFromOre(m.debet))}, kredit ${moneyFormatKr(moneyFromOre(m.kredit))}): någon rad saknas eller är fel.`, [cellRef(this.sheet, row, col)]));
    }
    this.sheetMovement = zero();
    this.sheetOpening = zero();
    this.endBlock(undefined);
  }

  /** A separator or a new account block: the block's figures start again. */
  endBlock(account: string | undefined): void {
    this.block = new Map();
    this.blockMovement = zero();
    if (account !== undefined) this.lastSaldo.delete(account);
  }

  /** One Kontroll row per kind of summary row the sheet had. */
  reconciliations(): Reconciliation[] {
    const names: [string, string][] = [
      ['ub', 'rader "Utgående saldo" = ingående balans + kontots rader'],
      ['omslutning', 'omslutningsrader = kontots debet och kredit'],
      ['total', 'summarader = bladets debet och kredit'],
      ['saldo', 'kolumnen Saldo = löpande saldo per konto'],
    ];
    const out: Reconciliation[] = [];
    for (const [kind, text] of names) {
      const d = this.deviations.get(kind);
      if (!d) continue;
      out.push(reconcile(`las-${kind}-${this.sheet}`, `Bladet ${this.sheet}: ${text} (${d.rows} rader, summa av avvikelser)`, moneyZero, moneyFromOre(d.ore), d.cells));
    }
    return out;
  }
}
