import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type Json = Record<string, any>;

/** A fault to answer the next request with: an HTTP status, or the platform's own rate-limit or token error. */
export type Fault = { http: number; retryAfter?: string } | { platform: 'rate_limited' | 'token_expired' | 'server' };

/**
 * The shared part of the local marketplace servers (test/helpers/fake-<platform>.ts): an HTTP
 * server that reads a form or JSON body, checks the platform's signature with its own code (not
 * Retour's), answers queued faults first, and logs every call's method for round-trip counts.
 */
export abstract class FakeMarketplace {
  readonly faults: Fault[] = [];
  readonly calls: string[] = [];
  /** Every call fails with the platform's expired-token error while set. */
  tokenExpired = false;
  url = '';
  private server: Server | null = null;

  constructor(protected readonly now: () => Date) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}${this.path()}`;
    return this.url;
  }

  async close() {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }

  protected path() {
    return '/router';
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://x');
    const params: Record<string, string> = Object.fromEntries(url.searchParams);
    if ((req.headers['content-type'] ?? '').includes('json') && raw) Object.assign(params, JSON.parse(raw));
    else if (raw) Object.assign(params, Object.fromEntries(new URLSearchParams(raw)));
    const method = this.methodOf(params, url);
    this.calls.push(method);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (!this.signatureValid(params, url)) return reply(200, this.error('signature', 'Invalid signature'));
    const fault = this.faults.shift();
    if (fault && 'http' in fault) return reply(fault.http, { error: 'fault' }, fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
    if (fault) return reply(200, this.error(fault.platform, fault.platform));
    if (this.tokenExpired) return reply(200, this.error('token_expired', 'token expired'));
    try {
      reply(200, this.answer(method, params));
    } catch (err) {
      reply(200, this.error('refused', err instanceof Error ? err.message : String(err)));
    }
  }

  protected abstract methodOf(params: Record<string, string>, url: URL): string;
  protected abstract signatureValid(params: Record<string, string>, url: URL): boolean;
  protected abstract error(kind: 'rate_limited' | 'token_expired' | 'server' | 'signature' | 'refused', message: string): Json;
  protected abstract answer(method: string, params: Record<string, string>): Json;
}

/** "yyyy-MM-dd HH:mm:ss" in China time. */
export const cnTime = (d: Date) => {
  const t = new Date(d.getTime() + 8 * 3600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 19)}`;
};
export const fromCnTime = (s: string) => new Date(`${s.replace(' ', 'T')}+08:00`);
