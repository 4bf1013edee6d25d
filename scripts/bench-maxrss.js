// Preloaded into a benchmarked process (node -r): prints the process's peak RSS on exit.
process.on('exit', () => {
  process.stderr.write(`\nFINSAM_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
