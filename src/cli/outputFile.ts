// The copy the command line writes: never the original under another name (a symbolic or
// hard link to it, or an input that links to the output), and never half-written — the bytes
// go to a temporary file in the target folder that is renamed into place when complete.
import * as fs from 'fs';
import * as path from 'path';

/** The file a path finally names, or undefined when nothing is there. */
function fileIdentity(p: string): { real: string; dev: number; ino: number } | undefined {
  try {
    const real = fs.realpathSync(p);
    const st = fs.statSync(real);
    return { real, dev: st.dev, ino: st.ino };
  } catch {
    return undefined;
  }
}

/** Why the output may not be written, in Swedish, or undefined when it may. */
export function outputRefusal(input: string, output: string): string | undefined {
  const source = fileIdentity(input);
  const target = fileIdentity(output);
  const refusal = 'Kopian skulle skriva över arbetsboken (samma fil under ett annat namn eller via en länk): ange en annan fil med --ut.';
  if (path.resolve(output) === path.resolve(input)) return refusal;
  if (source && target && (source.real === target.real || (source.dev === target.dev && source.ino === target.ino))) return refusal;
  // A dangling or not-yet-existing output inside a folder that is a link: compare the folder's real path.
  if (source && !target) {
    try {
      const dir = fs.realpathSync(path.dirname(path.resolve(output)));
      if (path.join(dir, path.basename(output)) === source.real) return refusal;
    } catch {
      // The folder does not exist: the write will say so.
    }
  }
  return undefined;
}

/**
 * Writes `bytes` to `output` all at once: a temporary file beside it, flushed, then renamed
 * over the output. On any error (or Ctrl-C while writing) the temporary file is removed and
 * whatever stood at `output` before is untouched.
 */
export function outputWriteAtomic(output: string, bytes: Uint8Array): void {
  const dir = path.dirname(path.resolve(output));
  const temp = path.join(dir, `.${path.basename(output)}.${process.pid}.${Date.now()}.finsam-tmp`);
  const removeTemp = () => {
    try {
      fs.unlinkSync(temp);
    } catch {
      // Already gone.
    }
  };
  const onSignal = () => {
    removeTemp();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const fd = fs.openSync(temp, 'wx', 0o644);
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, output);
  } catch (e) {
    removeTemp();
    throw e;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
