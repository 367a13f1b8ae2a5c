import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isPublicAddress } from './addresses.js';

export type PostOutcome = { kind: 'answered'; status: number; body: string } | { kind: 'failed'; error: string };

/**
 * Resolves like the system resolver but refuses private, loopback and link-local addresses, so a
 * public name that resolves (or is re-pointed) to an internal address cannot be reached (DNS
 * rebinding). Hosts the operator allowed skip the check.
 */
export function guardedLookup(allowed: boolean, resolve: typeof dnsLookup = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const usable = allowed ? addresses : addresses.filter((a) => isPublicAddress(a.address));
      if (usable.length === 0) {
        return callback(Object.assign(new Error(`${hostname} resolves only to private addresses`), { code: 'EPRIVATE' }), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}

/**
 * POSTs a JSON body and reports what came back. Redirects are not followed (a receiver that
 * moved must be updated), the reply is read up to 4 KB, and the whole exchange has a deadline.
 */
export function postJson(url: URL, body: string, headers: Record<string, string>, opts: { timeoutMs: number; allowPrivate: boolean }): Promise<PostOutcome> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const done = (o: PostOutcome) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        resolve(o);
      }
    };
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'Retour-Webhooks/1', ...headers },
        lookup: guardedLookup(opts.allowPrivate),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          if (size < 4096) chunks.push(c);
          size += c.length;
        });
        res.on('end', () => done({ kind: 'answered', status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, 4096) }));
        res.on('error', (err) => done({ kind: 'failed', error: err.message }));
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      done({ kind: 'failed', error: `no answer within ${opts.timeoutMs} ms` });
    }, opts.timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => done({ kind: 'failed', error: err.code ? `${err.code}: ${err.message}` : err.message }));
    req.end(body);
  });
}
