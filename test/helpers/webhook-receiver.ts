import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  /** performance.now() when the request had fully arrived. */
  at: number;
}

/** What the receiver does with the next request: answer a status, hang, or drop the connection. */
export type Behaviour = number | 'hang' | 'close';

/** A real HTTP server that records what it gets and answers as the test tells it. */
export class WebhookReceiver {
  readonly received: Received[] = [];
  behaviour: Behaviour = 200;
  private server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: performance.now() });
      const b = this.behaviour;
      if (b === 'hang') return;
      if (b === 'close') return req.socket.destroy();
      res.writeHead(b, { 'content-type': 'text/plain' }).end(b >= 400 ? 'receiver says no' : 'ok');
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const a = this.server.address();
    return `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/hooks`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
