import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { pathToFileURL } from 'node:url';

interface Message {
  id?: number;
  method?: string;
  params?: any;
  result?: any;
  error?: any;
}

/**
 * A minimal Language Server Protocol client over stdio, enough to open a document and ask a
 * server for its diagnostics and completions, as an editor would.
 */
export class LspClient {
  private readonly server: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 0;
  private readonly pending = new Map<number, (message: Message) => void>();
  readonly notifications: Message[] = [];
  private readonly settings: Record<string, unknown>;

  constructor(serverScript: string, settings: Record<string, unknown> = {}) {
    this.settings = settings;
    this.server = spawn(process.execPath, [serverScript, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.server.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const head = this.buffer.indexOf('\r\n\r\n');
      if (head < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, head).toString())?.[1]);
      if (this.buffer.length < head + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(head + 4, head + 4 + length).toString()) as Message;
      this.buffer = this.buffer.subarray(head + 4 + length);
      if (message.id !== undefined && message.method === undefined) {
        this.pending.get(message.id)?.(message);
        this.pending.delete(message.id);
      } else if (message.method && message.id !== undefined) {
        // A request from the server: configuration comes from the settings, everything else gets null.
        const result = message.method === 'workspace/configuration' ? message.params.items.map((item: { section?: string }) => this.settings[item.section ?? ''] ?? null) : null;
        this.send({ id: message.id, result });
      } else {
        this.notifications.push(message);
      }
    }
  }

  private send(message: Message): void {
    const text = JSON.stringify({ jsonrpc: '2.0', ...message });
    this.server.stdin.write(`Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
  }

  request(method: string, params: unknown): Promise<Message> {
    const id = ++this.nextId;
    this.send({ id, method, params });
    return new Promise((resolve) => this.pending.set(id, resolve));
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  async initialize(root: string, initializationOptions: unknown): Promise<void> {
    const rootUri = pathToFileURL(root).href;
    await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
      capabilities: { textDocument: { completion: {}, publishDiagnostics: {}, diagnostic: {} }, workspace: { configuration: true, workspaceFolders: true } },
      initializationOptions,
    });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: this.settings });
  }

  open(path: string, languageId: string, text: string): string {
    const uri = pathToFileURL(path).href;
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Diagnostics for a document: pulled when the server supports it, else the last ones it pushed. */
  async diagnostics(uri: string, { pull }: { pull: boolean }): Promise<{ line: number; message: string }[]> {
    const toList = (items: { range: { start: { line: number } }; message: string }[]) => items.map((d) => ({ line: d.range.start.line + 1, message: d.message }));
    if (pull) return toList((await this.request('textDocument/diagnostic', { textDocument: { uri } })).result?.items ?? []);
    // Servers under load can take long to publish; a generous bound, polled often.
    for (let waited = 0; waited < 60_000; waited += 100) {
      const pushed = this.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).at(-1);
      if (pushed?.params.diagnostics.length) return toList(pushed.params.diagnostics);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return [];
  }

  async completions(uri: string, line: number, character: number): Promise<string[]> {
    const response = await this.request('textDocument/completion', { textDocument: { uri }, position: { line: line - 1, character } });
    const items = (response.result?.items ?? response.result ?? []) as { label: string }[];
    return items.map((item) => item.label);
  }

  close(): void {
    this.server.kill();
  }
}
