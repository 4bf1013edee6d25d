// An OLE2 compound file (the container of .xls, .doc and password-protected workbooks) whose
// directory holds the named streams, the header's other fields left zero: enough for the
// file checks, which read only the signature and the directory's names.
export function oleCompoundFile(streams: readonly string[]): Uint8Array {
  const bytes = new Uint8Array(512 + 128 * (streams.length + 1) + 512);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  ['Root Entry', ...streams].forEach((name, i) => {
    const at = 512 + 128 * i;
    for (let c = 0; c < name.length; c++) bytes[at + 2 * c] = name.charCodeAt(c);
    bytes[at + 64] = (name.length + 1) * 2;
    bytes[at + 66] = i === 0 ? 5 : 2;
  });
  return bytes;
}
