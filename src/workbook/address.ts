// Column letters for the adapters (which may not import the core): 0 → "A", 25 → "Z", 26 → "AA".
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
