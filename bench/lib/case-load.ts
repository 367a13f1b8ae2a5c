import { writeFileSync } from 'node:fs';
import { log } from './report.js';
import { now, percentile } from './timing.js';

/** Load shared by the HTTP case benchmarks: delivered orders, and whole case lifecycles. */

export const UNITS_PER_ORDER = 8;

/** Orders delivered yesterday, one line of UNITS_PER_ORDER units each: every unit can become a case. */
export function writeOrders(path: string, count: number) {
  const delivered = new Date(Date.now() - 86_400_000).toISOString();
  const rows = ['order_id,placed_at,paid_at,delivered_at,currency,customer_email,sku,title,quantity,unit_price'];
  for (let i = 0; i < count; i++) {
    const placed = new Date(Date.now() - 4 * 86_400_000 + i * 10).toISOString();
    rows.push(`B${i},${placed},${placed},${delivered},CNY,buyer${i % 2000}@example.com,SKU-${i % 300},Item ${i % 300},${UNITS_PER_ORDER},${(19.9 + (i % 50)).toFixed(2)}`);
  }
  writeFileSync(path, `${rows.join('\n')}\n`);
}

export interface Line {
  orderId: string;
  lineId: string;
}

/** One call; a 503 `server.busy` (the overload guard shedding the set-up's bursts) is retried, as a client would. */
export async function api<T>(base: string, key: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status !== 503 || attempt === 20) return { status: res.status, body: (await res.json()) as T };
    await res.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function orderLines(base: string, key: string): Promise<Line[]> {
  const lines: Line[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { data: { id: string }[]; nextCursor: string | null } } = await api(base, key, 'GET', `/api/v1/orders?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    for (const o of page.body.data) lines.push({ orderId: o.id, lineId: '' });
    cursor = page.body.nextCursor;
  } while (cursor);
  // Line ids: one GET per order, in parallel batches.
  for (let i = 0; i < lines.length; i += 64) {
    await Promise.all(
      lines.slice(i, i + 64).map(async (l) => {
        const o = await api<{ lines: { id: string }[] }>(base, key, 'GET', `/api/v1/orders/${l.orderId}`);
        if (o.status !== 200) throw new Error(`GET /api/v1/orders/${l.orderId} answered ${o.status}: ${JSON.stringify(o.body)}`);
        l.lineId = o.body.lines[0]!.id;
      }),
    );
  }
  return lines;
}

/**
 * Whole cases, create → approve (unless automation did) → buyer_shipped → receive → inspect → refund, by `workers` clients in parallel.
 */
export async function lifecycles(bases: string | string[], key: string, lines: Line[], workers: number, seconds: number, cursor: { next: number }) {
  const deadline = now() + seconds * 1000;
  const durations: number[] = [];
  let failures = 0;
  /** Cases the policy approved at creation: a lifecycle without the approve request, 3 statements fewer. */
  let approvedAtCreation = 0;
  let firstFailure = '';
  const fail = (step: string, res: { status: number; body: unknown }) => {
    if (!firstFailure) firstFailure = `${step}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
    return false;
  };
  // Several servers: each lifecycle goes to the next one in turn (a round-robin balancer in the client).
  const servers = typeof bases === 'string' ? [bases] : bases;
  let turn = 0;
  const one = async () => {
    const base = servers[turn++ % servers.length]!;
    const act = (id: string, action: string, body: unknown = {}) => api<{ status: string; items: { id: string }[] }>(base, key, 'POST', `/api/v1/returns/${id}/actions/${action}`, body);
    const started = now();
    const line = lines[cursor.next++ % lines.length]!;
    const created = await api<{ id: string; status: string }>(base, key, 'POST', '/api/v1/returns', { orderId: line.orderId, type: 'return_refund', items: [{ lineId: line.lineId, quantity: 1, reasonCode: 'no_reason' }] });
    if (created.status !== 201) return fail('create', created);
    const id = created.body.id;
    if (created.body.status !== 'requested') approvedAtCreation++;
    // The policy may approve a small no-reason return by itself at creation (automation): then a person does not.
    const steps: [string, unknown][] = [
      ...(created.body.status === 'requested' ? [['approve', {}] as [string, unknown]] : []),
      ['buyer_shipped', { carrier: 'SF', trackingNumber: `SF${id.slice(-12)}` }],
      ['receive', {}],
    ];
    let last: { status: number; body: { status: string; items: { id: string }[] } } | undefined;
    for (const [action, body] of steps) {
      last = await act(id, action, body);
      if (last.status !== 200) return fail(action, last);
    }
    const inspected = await act(id, 'inspect', { items: [{ itemId: last!.body.items[0]!.id, acceptedQuantity: 1, grade: 'A', disposition: 'restock' }] });
    if (inspected.status !== 200) return fail('inspect', inspected);
    const refunded = await act(id, 'refund');
    if (refunded.status !== 200 || refunded.body.status !== 'completed') return fail('refund', refunded);
    durations.push(now() - started);
    return true;
  };
  const started = now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (now() < deadline) if (!(await one())) failures++;
    }),
  );
  const elapsed = (now() - started) / 1000;
  if (firstFailure) log(`first failure: ${firstFailure}`);
  return { casesPerSecond: durations.length / elapsed, p50: percentile(durations, 50), p99: percentile(durations, 99), failures, completed: durations.length, approvedAtCreation };
}

