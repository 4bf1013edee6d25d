// The words rows are recognised by: sum rows (`Summa …`, `Totalt`), result rows, what a label
// is about (intäkter, kostnader, tillgångar, eget kapital, avsättningar, skulder), the rows of
// an eget-kapital series (IB, årets resultat, UB) and the members' contributions. Matching is
// on lower-cased words, so that "SUMMA INTÄKTER" and "Summa intäkter" are one.

export type Nature = 'intäkt' | 'kostnad' | 'tillgång' | 'eget kapital' | 'avsättning' | 'skuld';

/** Lower case, hard spaces as spaces, runs of spaces as one. */
export function normal(label: string): string {
  return label.toLowerCase().replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
}

const SUM_PREFIX = /^(summa|s:a|delsumma|totalt|total|sum)\b[\s:]*/;

/** A sum row's label: `Summa X`, `S:a X`, `Totalt`, `X totalt`. */
export function isSumLabel(label: string): boolean {
  const t = normal(label);
  return SUM_PREFIX.test(t) || /\s(totalt|summa)$/.test(t);
}

/** What a sum row names: "Summa kostnader/utgifter" → "kostnader/utgifter"; "" for a bare "Summa"/"Totalt". */
export function sumSubject(label: string): string {
  return normal(label).replace(SUM_PREFIX, '').replace(/\s(totalt|summa)$/, '').trim();
}

/** A result row's label (checked as such only in a result table). */
export function isResultLabel(label: string): boolean {
  const t = normal(label);
  if (/^(mål|budgetmål)\b/.test(t)) return false;
  return /resultat|överskott|underskott|nettokostnad|^netto\b|verksamhetens netto/.test(t);
}

/** What a label is about, or undefined when it says neither (or both). */
export function natureOf(label: string): Nature | undefined {
  const t = normal(label);
  const found: Nature[] = [];
  if (/intäkt|driftbidrag|driftsbidrag|bidrag från|medlemsbidrag|medlemsavgift|tilldelade medel|tilldelat|anslag|insats per medlem|erhållna bidrag/.test(t)) found.push('intäkt');
  if (/kostnad|utgift|utbetalning/.test(t)) found.push('kostnad');
  if (/tillgång|fordring|kassa|bank\b|likvida/.test(t)) found.push('tillgång');
  if (/eget kapital|egna kapital|balanserat resultat|balanserat kapital/.test(t)) found.push('eget kapital');
  if (/avsättning/.test(t)) found.push('avsättning');
  if (/skuld/.test(t)) found.push('skuld');
  return found.length === 1 ? found[0] : undefined;
}

export type EquityPart = 'ib' | 'ub' | 'resultat';

/** The part a row plays in an eget-kapital series. */
export function equityPartOf(label: string): EquityPart | undefined {
  const t = normal(label);
  // A sentence is no row of a series; opening and closing balances of something else
  // (likvida medel, skulder) are no eget kapital.
  if (t.length > 60) return undefined;
  if (/likvid|kassa|bank|skuld|fordring|tillgång|medel|lån/.test(t) && !/eget kapital|egna kapital/.test(t)) return undefined;
  if (/\bib\b|ingående|vid ingång|ingång av|vid årets (början|ingång)|årets början|balanserat (eget kapital|resultat|kapital)/.test(t)) return 'ib';
  if (/\bub\b|utgående|vid årets slut|årets slut|^summa eget kapital$|^eget kapital$|^summa eget kapital\b(?!.*skuld)/.test(t)) return 'ub';
  if (/^(årets |beräknat |budgeterat )?resultat$|^årets resultat\b|^resultat\b|^årets förändring\b|^förändring (av |i )?eget kapital$/.test(t)) return 'resultat';
  return undefined;
}

/** The state's contribution (Försäkringskassan, Arbetsförmedlingen, staten). */
export function isStateLabel(label: string): boolean {
  return /försäkringskassan|arbetsförmedling|staten|statlig/.test(normal(label));
}

/** A member's contribution other than the state's: kommun, region, landsting, "per medlem". */
export function isMemberLabel(label: string): boolean {
  return !isStateLabel(label) && /kommun|region|landsting|medlem/.test(normal(label));
}

/** A row that names the members' money: tilldelade medel, intäkter medlemmarna, medlemsbidrag. */
export function isMembersTotalLabel(label: string): boolean {
  return /tilldelade medel|tilldelat driftbidrag|tilldelade driftbidrag|intäkter (från )?medlem|medlemsbidrag|medlemmarnas (bidrag|insatser)/.test(normal(label));
}

/** Folded words of a label for comparing names: lower case, letters and digits only. */
export function fold(label: string): string {
  return normal(label).replace(/[^a-zåäöéü0-9]+/g, '');
}
