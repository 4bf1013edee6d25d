// Keeps a sheet with thousands of bad cells from burying the user: at most a number of
// findings per code, then one finding that says how many more there were.
import { type Finding, finding } from '../core/findings';

export class FindingList {
  private readonly perCode = new Map<string, number>();
  readonly items: Finding[] = [];

  constructor(private readonly limitPerCode = 100) {}

  add(f: Finding): void {
    const n = (this.perCode.get(f.code) ?? 0) + 1;
    this.perCode.set(f.code, n);
    if (n <= this.limitPerCode) this.items.push(f);
  }

  addAll(fs: readonly Finding[]): void {
    for (const f of fs) this.add(f);
  }

  /** The findings, with one line per code that went over the limit. */
  done(): Finding[] {
    const out = [...this.items];
    for (const [code, n] of this.perCode) {
      if (n > this.limitPerCode) {
        const first = this.items.find((f) => f.code === code);
        if (first) out.push(finding(first.code, `… och ${n - this.limitPerCode} fler fynd av samma slag.`));
      }
    }
    return out;
  }
}
