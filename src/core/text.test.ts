import fc from 'fast-check';
import { terminalText } from './text';

describe('terminalText', () => {
  test('Swedish text and ordinary spaces are left alone', () => {
    expect(terminalText('Årets resultat för Sollefteå: 236 500 kr (Övrigt, ä, ö, é)')).toBe('Årets resultat för Sollefteå: 236 500 kr (Övrigt, ä, ö, é)');
  });

  test('colour, cursor and erase sequences are removed whole', () => {
    expect(terminalText('\u001b[31mröd\u001b[0m text')).toBe('röd text');
    expect(terminalText('a\u001b[2J\u001b[1;1Hb')).toBe('ab');
    expect(terminalText('x\u001b[?25ly')).toBe('xy');
    expect(terminalText('8-bit \u009b31mCSI')).toBe('8-bit CSI');
  });

  test('window titles and hyperlinks (OSC) are removed with their text', () => {
    expect(terminalText('före\u001b]0;falsk titel\u0007efter')).toBe('föreefter');
    expect(terminalText('\u001b]8;;https://exempel.se\u001b\\länk\u001b]8;;\u001b\\')).toBe('länk');
    expect(terminalText('a\u009d2;titel\u009cb')).toBe('ab');
  });

  test('other escape sequences and a lone ESC', () => {
    expect(terminalText('a\u001b(Bb\u001bcc')).toBe('abc');
    expect(terminalText('slut\u001b')).toBe('slut\\x1b');
  });

  test('other control characters are shown, not obeyed', () => {
    expect(terminalText('pling\u0007')).toBe('pling\\x07');
    expect(terminalText('a\u0000b\u0008c\u007fd\u0085e')).toBe('a\\x00b\\x08c\\x7fd\\x85e');
    expect(terminalText('konto \u202e1930')).toBe('konto \\u202e1930');
  });

  test('tabs become spaces; line breaks become spaces unless the caller keeps them', () => {
    expect(terminalText('a\tb')).toBe('a b');
    expect(terminalText('rad 1\nrad 2\r\nrad 3\rrad 4')).toBe('rad 1 rad 2 rad 3 rad 4');
    expect(terminalText('rad 1\nrad 2\r\nrad 3\rrad 4', { newlines: 'keep' })).toBe('rad 1\nrad 2\nrad 3\nrad 4');
    expect(terminalText('a\u2028b')).toBe('a\\u2028b');
  });

  test('no input leaves a control character or an escape in the output', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom<'keep' | 'space'>('keep', 'space'), (s, newlines) => {
        const out = terminalText(s, { newlines });
        const forbidden = newlines === 'keep' ? /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/ : /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
        return !forbidden.test(out);
      }),
      { numRuns: 2000 },
    );
  });

  test('text without control characters comes back as it was', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (s) => {
        const plain = s.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, '');
        return terminalText(plain) === plain;
      }),
      { numRuns: 1000 },
    );
  });
});
