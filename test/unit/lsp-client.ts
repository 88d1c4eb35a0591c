/** A small LSP client for the language server's tests: spawns `healing-notes lsp` and speaks JSON-RPC over its stdio. */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams, ShowMessageParams, ShowMessageRequestParams } from 'vscode-languageserver-protocol';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
/** The compiled bin, which loads the compiled server as dist/cli.js loads dist/lsp.js. */
export const BIN = path.join(REPO_ROOT, 'out', 'src', 'cli', 'bin.js');

export interface ClientOptions {
  /** Settings answered to workspace/configuration (the `healingNotes` section); undefined: the client does not offer it. */
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
  workspaceFolders?: string[];
  snippets?: boolean;
  /** The answer to window/showMessageRequest (an action title), or undefined to dismiss it. */
  answer?: string;
}

export class LspTestClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly questions: ShowMessageRequestParams[] = [];
  readonly configurationRequests: unknown[] = [];
  stderr = '';
  settings: Record<string, unknown> | undefined;
  private waiters: (() => void)[] = [];

  constructor(readonly options: ClientOptions = {}) {
    this.settings = options.settings;
    this.process = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      this.wake();
    });
    this.connection.onNotification('window/showMessage', (params: ShowMessageParams) => {
      this.messages.push(params);
      this.wake();
    });
    this.connection.onNotification('window/logMessage', (params: ShowMessageParams) => this.messages.push(params));
    this.connection.onRequest('window/showMessageRequest', (params: ShowMessageRequestParams) => {
      this.questions.push(params);
      return params.actions?.find((a) => a.title === this.options.answer) ?? null;
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
      this.configurationRequests.push(params);
      return params.items.map(() => this.settings ?? null);
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  async initialize(): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: (this.options.workspaceFolders ?? []).map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })),
      initializationOptions: this.options.initializationOptions,
      capabilities: {
        workspace: {
          configuration: this.options.settings !== undefined,
          workspaceEdit: { documentChanges: true, ...(this.options.snippets ? { snippetEditSupport: true } : {}) },
          didChangeConfiguration: { dynamicRegistration: true },
        },
        textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: { codeDescriptionSupport: true, dataSupport: true } },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Waits until `test` holds, re-testing at each message from the server. */
  async until<T>(test: () => T | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = test();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  /**
   * The diagnostics of a document once all are published: after the first publication (on a cold start, the
   * core elements' alone), a hover request makes the server finish checking the document as it is.
   */
  async settled(uri: string, after = 0, quietMs = 200): Promise<Diagnostic[]> {
    await this.until(() => this.published.slice(after).some((p) => p.uri === uri), `diagnostics for ${uri}`);
    await this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    for (;;) {
      const count = this.published.length;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      if (this.published.length === count) break;
    }
    return [...this.published].reverse().find((p) => p.uri === uri)!.diagnostics;
  }

  async close(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // Already gone.
    }
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) resolve();
      else this.process.on('exit', () => resolve());
      setTimeout(resolve, 3000);
    });
    this.connection.dispose();
  }
}
