/** The figures of scripts/bench/jsonl.mjs as text: printed by it, and by bench.mjs, which runs it. */
export const TARGETS = { gbPerHourTwoCores: 1, rssGrowth: 0.1 };
const MB = 1024 * 1024;

export function renderJsonl(r) {
  const o = [];
  o.push(`JSONL mode — node dist/cli.js check --input-format jsonl --format jsonl, output to a pipe (counted, dropped); ${r.machine.cores} cores, ${r.machine.cpu}, Node ${r.machine.node}`);
  o.push(`Machine load (1-minute average): ${r.machine.loadAverageAtStart} at start, ${r.machine.loadAverageAtEnd} at end.`);
  const t = r.throughput;
  o.push(`Throughput table: ${t.notes.toLocaleString('en-US')} generated notes of 2–8 KB (${(t.bytes / MB).toFixed(1)} MB, sentences of ${r.folder.path}, varied).`);
  for (const run of Object.values(t.runs)) {
    if (run.error) o.push(`  --jobs ${run.jobs}: ${run.error}`);
    else o.push(`  --jobs ${run.jobs}${run.jobs === 1 ? ` (one core: ${r.machine.oneCorePinning})` : ''}: ${run.seconds} s, ${run.mbPerS} MB/s = ${run.gbPerHour} GB/hour, ${run.notesPerS} notes/s, peak RSS ${run.peakRssMb} MB`);
  }
  const mem = r.memory;
  if (mem.error) o.push(`Memory run: ${mem.error}`);
  else {
    const [[a, b], [c, d]] = mem.windows.map((w) => w.map((n) => n.toLocaleString('en-US')));
    o.push(`Memory run: ${mem.notes.toLocaleString('en-US')} notes of 0.5–1.5 KB (${(mem.bytes / MB).toFixed(0)} MB), --jobs ${mem.jobs}, ${mem.seconds} s (${mem.gbPerHour} GB/hour):`);
    o.push(`  RSS while notes ${a}–${b} were written: median ${mem.earlyRssMb} MB (highest ${mem.earlyMaxRssMb}); while notes ${c}–${d} were: median ${mem.lateRssMb} MB (highest ${mem.lateMaxRssMb}); peak of the run (VmHWM) ${mem.peakRssMb} MB.`);
    if (mem.rssByTenthMb?.length) o.push(`  RSS at each tenth of the notes: ${mem.rssByTenthMb.join(', ')} MB.`);
  }
  o.push('');
  const rows = r.targets;
  const cols = ['measure', 'figure', 'target', 'status'];
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((row) => String(row[c]).length)));
  const line = (cells) => `| ${cells.map((cell, i) => String(cell).padEnd(widths[i])).join(' | ')} |`;
  o.push(line(cols), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map((row) => line(cols.map((c) => row[c]))));
  return o.join('\n') + '\n';
}
