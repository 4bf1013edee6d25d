// Preloaded into a benchmarked process (node -r): prints the process's peak RSS on exit.
// On Linux the peak is VmHWM, this process's own high-water mark: getrusage's maxrss would
// also count the pages of the parent it was forked from (the benchmark, holding the books it
// generated), which exec folds into the child's figure.
const fs = require('fs');

function peakKb() {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // Not Linux: the rusage figure.
  }
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => {
  process.stderr.write(`\nFINSAM_MAXRSS_KB=${peakKb()}\n`);
});
