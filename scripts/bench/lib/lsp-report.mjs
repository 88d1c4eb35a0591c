/** The language server's start-up figures (scripts/bench/lsp.mjs) as text, for bench:lsp and npm run bench. */

/** First diagnostics on a 30 KB note, from the spawn of the server (issue 16). */
export const LSP_TARGET_MS = 300;

export function renderLsp(r) {
  const busy = Math.max(...r.loadAverage) > r.cores / 2;
  return [
    `Language server start-up (node dist/cli.js lsp), median of ${r.runs} fresh servers on a ${(r.note.bytes / 1024).toFixed(1)} KB note; times from the spawn:`,
    `  initialize answered ${r.initializeMs} ms; first diagnostics ${r.firstDiagnosticsMs} ms (${r.firstDiagnostics} findings: the core elements, published first on a cold start; server CPU ${r.firstServerCpuMs} ms);`,
    `  all diagnostics ${r.allDiagnosticsMs} ms (${r.allDiagnostics} findings; server CPU ${r.allServerCpuMs} ms). Target: first diagnostics ≤ ${LSP_TARGET_MS} ms: ${r.target.status}.`,
    ...(r.firstStart
      ? [
          `  These starts load dist/lsp.js from V8's code cache, which the first start ever saves after its first check. That first start (median of ${r.firstStart.runs}, no cache):`,
          `  initialize ${r.firstStart.initializeMs} ms, first diagnostics ${r.firstStart.firstDiagnosticsMs} ms (server CPU ${r.firstStart.firstServerCpuMs} ms), all ${r.firstStart.allDiagnosticsMs} ms.`,
        ]
      : []),
    `  Machine load (1-minute average) ${r.loadAverage.join(' → ')} on ${r.cores} cores${busy ? ' — OTHER WORK WAS RUNNING: wall times are inflated; the CPU times less so.' : '.'}`,
    '',
  ].join('\n');
}
