// Statements declared as specs — which lines, which account lines with which sign, what adds
// to which total — and one builder that turns a spec and a set of columns into a model. The
// resultaträkning and balansräkning are specs in their own modules; nothing else sums lines.
import { type AccountLine } from './accounts';
import { type Money, moneyNeg, moneySum, moneyZero } from './money';

export type StatementLineSpec =
  | { readonly kind: 'heading'; readonly name: string }
  /** Sum of account lines; sign 1 keeps the ledger sign, -1 turns it (credit positive). */
  | { readonly kind: 'accounts'; readonly name: string; readonly lines: readonly AccountLine[]; readonly sign: 1 | -1; readonly always?: boolean }
  /** Sum of earlier lines of the statement, by name. */
  | { readonly kind: 'sum'; readonly name: string; readonly of: readonly string[] }
  /** A figure the statement's module computes (årets resultat in the balansräkning). */
  /** `optional`: left out when zero in every column (förråd in a förbund without one). */
  | { readonly kind: 'value'; readonly name: string; readonly key: string; readonly optional?: boolean };

export interface StatementSpec {
  readonly title: string;
  readonly lines: readonly StatementLineSpec[];
}

/** One column of figures: amounts per account line (ledger sign) and named values. */
export interface StatementColumnSource {
  readonly label: string;
  /** A column with no data (no previous year in the books): its amounts stay empty. */
  readonly missing?: boolean;
  accountLine(line: AccountLine): { amount: Money; accounts: readonly string[] };
  value(key: string): Money;
}

export interface StatementRow {
  readonly name: string;
  readonly kind: StatementLineSpec['kind'];
  /** One amount per column, report sign; undefined on headings. */
  readonly amounts: readonly (Money | undefined)[];
  /** Accounts behind the figure (over all columns), for tracing. */
  readonly accounts: readonly string[];
}

export interface StatementModel {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly StatementRow[];
}

/**
 * A column of named values only, for statements computed from figures rather than account
 * lines (kassaflödesanalys, balanskravsresultat); `values` undefined: the year is missing.
 */
export function statementValueColumn(label: string, values: ReadonlyMap<string, Money> | undefined): StatementColumnSource {
  return {
    label,
    missing: !values,
    accountLine: () => {
      throw new Error(`kolumnen ${label} har inga kontorader`);
    },
    value: (key) => {
      const v = values?.get(key);
      if (!v) throw new Error(`okänt värde i kolumnen ${label}: ${key}`);
      return v;
    },
  };
}

export function statementBuild(spec: StatementSpec, columns: readonly StatementColumnSource[]): StatementModel {
  const byName = new Map<string, StatementRow>();
  const rows: StatementRow[] = [];
  for (const line of spec.lines) {
    let row: StatementRow;
    switch (line.kind) {
      case 'heading':
        row = { name: line.name, kind: 'heading', amounts: columns.map(() => undefined), accounts: [] };
        break;
      case 'accounts': {
        const accounts = new Set<string>();
        const amounts = columns.map((c) => {
          if (c.missing) return undefined;
          const parts = line.lines.map((l) => c.accountLine(l));
          for (const p of parts) for (const a of p.accounts) accounts.add(a);
          const total = moneySum(parts.map((p) => p.amount));
          return line.sign === 1 ? total : moneyNeg(total);
        });
        row = { name: line.name, kind: 'accounts', amounts, accounts: [...accounts].sort() };
        break;
      }
      case 'sum': {
        const parts = line.of.map((name) => {
          const part = byName.get(name);
          if (!part) throw new Error(`specen summerar en rad som inte finns före den: ${name}`);
          return part;
        });
        const amounts = columns.map((c, i) => (c.missing ? undefined : moneySum(parts.map((p) => p.amounts[i] ?? moneyZero))));
        row = { name: line.name, kind: 'sum', amounts, accounts: [] };
        break;
      }
      case 'value':
        row = { name: line.name, kind: 'value', amounts: columns.map((c) => (c.missing ? undefined : c.value(line.key))), accounts: [] };
        break;
    }
    byName.set(line.name, row);
    rows.push(row);
  }
  const shown = rows.filter((row, i) => {
    const spec_ = spec.lines[i];
    const hideable = (spec_?.kind === 'accounts' && !spec_.always) || (spec_?.kind === 'value' && spec_.optional);
    if (!hideable) return true;
    return row.amounts.some((a) => a !== undefined && !a.isZero());
  });
  return { title: spec.title, columns: columns.map((c) => c.label), rows: shown };
}

/** The row of a statement by name, for checks and summaries. */
export function statementRow(model: StatementModel, name: string): StatementRow | undefined {
  return model.rows.find((r) => r.name === name);
}
