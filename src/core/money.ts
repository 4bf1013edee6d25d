// Money: exact amounts in kronor as immutable decimal.js values behind a brand, so that a
// plain number can never be added by mistake. Arithmetic is exact; rounding happens only in
// the presentation functions at the bottom, with a named mode (half up, as Swedish reports do).
import Decimal from 'decimal.js';

declare const moneyBrand: unique symbol;
/** An exact amount in kronor. Create with moneyFromOre / moneyFromString; never from a float sum. */
export type Money = Decimal & { readonly [moneyBrand]: true };

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

function brand(d: Decimal): Money {
  return d as Money;
}

export const moneyZero: Money = brand(new D(0));

/** Whole öre (an integer) to kronor. */
export function moneyFromOre(ore: number | bigint): Money {
  if (typeof ore === 'number' && !Number.isSafeInteger(ore)) {
    throw new RangeError(`öre måste vara ett heltal: ${ore}`);
  }
  return brand(new D(ore.toString()).dividedBy(100));
}

/** An exact decimal string ("-775000.00", "17.73") to kronor. */
export function moneyFromString(text: string): Money {
  return brand(new D(text));
}

/** Whole kronor, for tests and fixtures written in the domain's own notation. */
export function moneyFromKronor(kronor: number): Money {
  if (!Number.isInteger(kronor)) throw new RangeError(`hela kronor väntades: ${kronor}`);
  return brand(new D(kronor));
}

export function moneyAdd(a: Money, b: Money): Money {
  return brand(a.plus(b));
}

export function moneySub(a: Money, b: Money): Money {
  return brand(a.minus(b));
}

export function moneyNeg(a: Money): Money {
  return brand(a.negated());
}

export function moneySum(items: Iterable<Money>): Money {
  let total = new D(0);
  for (const m of items) total = total.plus(m);
  return brand(total);
}

export function moneyEquals(a: Money, b: Money): boolean {
  return a.equals(b);
}

export function moneyIsZero(a: Money): boolean {
  return a.isZero();
}

export function moneyCompare(a: Money, b: Money): number {
  return a.comparedTo(b);
}

/** Whole öre of an amount; throws when the amount has fractions of an öre. */
export function moneyToOre(a: Money): number {
  const ore = a.times(100);
  if (!ore.isInteger()) throw new RangeError(`beloppet har delar av öre: ${a.toString()}`);
  return ore.toNumber();
}

/** a / b as an exact ratio (a Decimal, not Money); undefined when b is zero. */
export function moneyRatio(a: Money, b: Money): Decimal | undefined {
  if (b.isZero()) return undefined;
  return new D(a).dividedBy(b);
}

/** Splits an amount by weights so that the parts add up to the whole, to the öre. */
export function moneyAllocate(total: Money, weights: readonly number[]): Money[] {
  const weightSum = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0 || weightSum <= 0 || weights.some((w) => w < 0)) {
    throw new RangeError('vikterna måste vara icke-negativa och summera till mer än noll');
  }
  const totalOre = BigInt(total.times(100).toFixed(0, Decimal.ROUND_DOWN));
  const scaled = weights.map((w) => BigInt(Math.round(w * 1e6)));
  const scaledSum = scaled.reduce((s, w) => s + w, 0n);
  const parts = scaled.map((w) => (totalOre * w) / scaledSum);
  let remainder = totalOre - parts.reduce((s, p) => s + p, 0n);
  const step = remainder >= 0n ? 1n : -1n;
  for (let i = 0; remainder !== 0n; i = (i + 1) % parts.length) {
    if (scaled[i] === 0n) continue;
    parts[i] = (parts[i] ?? 0n) + step;
    remainder -= step;
  }
  const fraction = total.minus(new D(totalOre.toString()).dividedBy(100));
  return parts.map((p, i) => {
    const m = moneyFromOre(p);
    return i === 0 ? moneyAdd(m, brand(fraction)) : m;
  });
}

/** Rounded half up to whole kronor, as a Decimal. */
export function moneyRoundKronor(a: Money): Decimal {
  return a.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
}

/** Rounded half up to whole tkr, as a Decimal. */
export function moneyRoundTkr(a: Money): Decimal {
  return a.dividedBy(1000).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
}

/** Decimal string with two decimals, ASCII minus, no grouping: "-775000.00". */
export function moneyToFixed2(a: Money): string {
  const s = a.toFixed(2, Decimal.ROUND_HALF_UP);
  return s === '-0.00' ? '0.00' : s;
}

/** Swedish presentation in whole kronor with a space as thousands separator: "-775 000 kr". */
export function moneyFormatKr(a: Money): string {
  return `${groupThousands(moneyRoundKronor(a).toFixed(0))} kr`;
}

/** A number for a spreadsheet cell: exact to the öre (a float that prints the exact value). */
export function moneyToCellNumber(a: Money): number {
  return Number(a.toFixed(2, Decimal.ROUND_HALF_UP));
}

export function groupThousands(integerText: string): string {
  const negative = integerText.startsWith('-');
  const digits = negative ? integerText.slice(1) : integerText;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return negative && digits !== '0' ? `-${grouped}` : grouped;
}

export { D as ExactDecimal };
