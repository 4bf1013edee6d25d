// Text from cells shown in a terminal: a cell may hold anything, and a finding that quotes it
// must not move the cursor, change colours, rewrite the line or fake another line of output.
// Escape sequences (ANSI CSI "ESC [ … m", OSC titles and links, the 8-bit forms) are removed
// whole; every other control character is shown as a visible escape (\x07, \u202e).

export interface TerminalTextOptions {
  /** 'keep': line breaks stay (CR LF and CR become LF); 'space' (the default): one line. */
  readonly newlines?: 'keep' | 'space';
}

/** CSI: ESC [ or 8-bit CSI, parameter and intermediate bytes, a final byte. */
const CSI = /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]/g;
/** OSC, DCS, SOS, PM and APC strings up to their terminator (BEL or ST, 7- or 8-bit). */
const CONTROL_STRING = /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)/g;
/** Any other escape sequence: ESC, intermediate bytes, a final byte ("ESC ( B", "ESC c"). */
const ESCAPE = /\u001b[\u0020-\u002f]*[\u0030-\u007e]/g;
/** C0 (but tab and line feed), DEL, C1, the bidirectional overrides and isolates, the line and paragraph separators. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` safe to print: no escape sequences, control characters made visible, tabs as spaces. */
export function terminalText(text: string, options: TerminalTextOptions = {}): string {
  const keepNewlines = options.newlines === 'keep';
  return text
    .replace(CONTROL_STRING, '')
    .replace(CSI, '')
    .replace(ESCAPE, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/\n/g, keepNewlines ? '\n' : ' ')
    .replace(CONTROL, visible);
}
