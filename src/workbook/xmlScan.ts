// Small helpers for reading the XML parts of an .xlsx package as text, without a DOM: the
// attributes of one start tag, the text of an element, entities decoded. Callers walk the
// document with indexOf, one pass; nothing here looks at more than one tag or element at a time.

const NAMED_ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** Text with its XML entities decoded (&amp; &lt; &gt; &quot; &apos; &#NN; &#xNN;). */
export function xmlUnescape(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = text.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12) {
      amp = text.indexOf('&', amp + 1);
      continue;
    }
    const ref = text.slice(amp + 1, semi);
    let ch: string | undefined;
    if (ref.charCodeAt(0) === 35 /* # */) {
      const hex = ref.charCodeAt(1) === 120 || ref.charCodeAt(1) === 88;
      const digits = hex ? ref.slice(2) : ref.slice(1);
      if (digits !== '' && (hex ? /^[0-9a-f]+$/i : /^\d+$/).test(digits)) {
        const code = parseInt(digits, hex ? 16 : 10);
        if (code <= 0x10ffff) ch = String.fromCodePoint(code);
      }
    } else ch = NAMED_ENTITIES.get(ref);
    if (ch !== undefined) {
      out += text.slice(from, amp) + ch;
      from = semi + 1;
    }
    amp = text.indexOf('&', ch !== undefined ? semi + 1 : amp + 1);
  }
  return out + text.slice(from);
}

/** The characters Office escapes in text as `_xHHHH_` (a carriage return is `_x000D_`). */
export function officeUnescape(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * The attributes of the start tag that begins at `at` (the `<`) and ends at `end` (the `>`),
 * by local name (a namespace prefix dropped), values decoded.
 */
export function xmlAttributes(xml: string, at: number, end: number): Map<string, string> {
  const out = new Map<string, string>();
  let i = at + 1;
  // Past the element's name.
  while (i < end && !isSpace(xml.charCodeAt(i)) && xml.charCodeAt(i) !== 47) i++;
  while (i < end) {
    while (i < end && (isSpace(xml.charCodeAt(i)) || xml.charCodeAt(i) === 47)) i++;
    const nameStart = i;
    while (i < end && xml.charCodeAt(i) !== 61 /* = */ && !isSpace(xml.charCodeAt(i))) i++;
    const name = xml.slice(nameStart, i);
    while (i < end && isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== 61) break;
    i++;
    while (i < end && isSpace(xml.charCodeAt(i))) i++;
    const quote = xml.charCodeAt(i);
    if (quote !== 34 && quote !== 39) break;
    const close = xml.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (close < 0 || close > end) break;
    const colon = name.indexOf(':');
    out.set(colon >= 0 ? name.slice(colon + 1) : name, xmlUnescape(xml.slice(i + 1, close)));
    i = close + 1;
  }
  return out;
}

/** The `>` that ends the tag starting at `at`, past quoted attribute values; -1 if none. */
export function xmlTagEnd(xml: string, at: number): number {
  let i = at + 1;
  for (;;) {
    const gt = xml.indexOf('>', i);
    if (gt < 0) return -1;
    // A quote before the `>` may open a value that holds one: skip quoted runs.
    let q = i;
    let inside = false;
    for (; q < gt; q++) {
      const c = xml.charCodeAt(q);
      if (c === 34 || c === 39) {
        const close = xml.indexOf(c === 34 ? '"' : "'", q + 1);
        if (close < 0) return -1;
        if (close > gt) {
          inside = true;
          i = close + 1;
          break;
        }
        q = close;
      }
    }
    if (!inside) return gt;
  }
}

/** True when the name at `at + 1` is `name`, followed by a space, `>` or `/` (a whole element name). */
export function xmlNameIs(xml: string, at: number, name: string): boolean {
  if (!xml.startsWith(name, at + 1)) return false;
  const next = xml.charCodeAt(at + 1 + name.length);
  return next === 62 || next === 47 || isSpace(next);
}

/** Every start tag of an element named `name` (no prefix) in [from, to): the index of its `<` and `>`. */
export function* xmlStartTags(xml: string, name: string, from = 0, to = xml.length): Generator<{ at: number; end: number }> {
  const open = `<${name}`;
  let at = xml.indexOf(open, from);
  while (at >= 0 && at < to) {
    if (xmlNameIs(xml, at, name)) {
      const end = xmlTagEnd(xml, at);
      if (end < 0) return;
      yield { at, end };
      at = xml.indexOf(open, end);
    } else at = xml.indexOf(open, at + open.length);
  }
}

/**
 * The text of the `<t>` elements in [from, to), joined, decoded (a rich text's runs), leaving
 * out phonetic runs (`<rPh>`), which are a reading aid and not the text.
 */
export function xmlTextRuns(xml: string, from: number, to: number): string | undefined {
  let out: string | undefined;
  let at = xml.indexOf('<', from);
  while (at >= 0 && at < to) {
    if (xmlNameIs(xml, at, 'rPh')) {
      const close = xml.indexOf('</rPh>', at);
      const end = xmlTagEnd(xml, at);
      at = xml.charCodeAt(end - 1) === 47 ? end : close < 0 ? to : close + 6;
    } else if (xmlNameIs(xml, at, 't')) {
      const end = xmlTagEnd(xml, at);
      if (end < 0 || end >= to) break;
      if (xml.charCodeAt(end - 1) === 47) {
        out ??= '';
        at = end;
      } else {
        const close = xml.indexOf('</t>', end);
        const stop = close < 0 || close > to ? to : close;
        out = (out ?? '') + xmlUnescape(xml.slice(end + 1, stop));
        at = stop;
      }
    } else at++;
    at = xml.indexOf('<', at);
  }
  return out;
}
