// Language server start-up to first diagnostics: spawns `node <cli> lsp`, sends initialize,
// initialized and didOpen of the note, and times (from just before the spawn) the initialize
// reply, the first publishDiagnostics for the note (on a cold start, the core elements' findings)
// and the last one (all findings; none follows for a second). argv: <dist/cli.js> <note file>.
// Prints one JSON line. The client is a minimal LSP client over stdio (Content-Length framing).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const { pathToFileURL } = require('node:url');
const { performance } = require('node:perf_hooks');

const [cli, noteFile] = process.argv.slice(2);
const text = fs.readFileSync(noteFile, 'utf8');
const uri = pathToFileURL(noteFile).href;

const t0 = performance.now();
const server = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), cli, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const send = (message) => {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
  server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  server.stdin.write(body);
};
const timings = {};
let quiet;
let buffer = Buffer.alloc(0);
server.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())[1]);
    if (buffer.length < headerEnd + 4 + length) return;
    const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString());
    buffer = buffer.subarray(headerEnd + 4 + length);
    receive(message);
  }
});

function receive(message) {
  if (message.id === 1 && 'result' in message) {
    timings.initializeMs = performance.now() - t0;
    send({ method: 'initialized', params: {} });
    send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'clinical-note', version: 1, text } } });
  } else if (message.method === 'workspace/configuration') {
    send({ id: message.id, result: message.params.items.map(() => ({})) });
  } else if (message.method === 'client/registerCapability') {
    send({ id: message.id, result: null });
  } else if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri) {
    const ms = performance.now() - t0;
    timings.publications = (timings.publications ?? 0) + 1;
    if (timings.firstDiagnosticsMs === undefined) {
      timings.firstDiagnosticsMs = ms;
      timings.firstDiagnostics = message.params.diagnostics.length;
      timings.firstServerCpuMs = cpuMsOf(server.pid);
    }
    timings.allDiagnosticsMs = ms;
    timings.allDiagnostics = message.params.diagnostics.length;
    timings.allServerCpuMs = cpuMsOf(server.pid);
    clearTimeout(quiet);
    quiet = setTimeout(() => send({ id: 2, method: 'shutdown' }), 1000);
  } else if (message.id === 2) {
    send({ method: 'exit' });
  }
}

/** The server's CPU time so far (user + system, from /proc; 10 ms ticks): less sensitive than wall time to other work on the machine. */
function cpuMsOf(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

server.on('exit', (code) => {
  process.stdout.write(JSON.stringify({ ...timings, exitCode: code }) + '\n');
  process.exitCode = timings.firstDiagnosticsMs === undefined ? 1 : 0;
});
send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } } });
