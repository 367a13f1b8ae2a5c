import { readFileSync } from 'node:fs';
import { cpuMeter } from './cpu.js';

/** The token the benchmarked server serves /metrics with (METRICS_TOKEN). */
export const BENCH_METRICS_TOKEN = 'bench-metrics-token-0123456789';

async function databaseTraffic(base: string): Promise<{ statements: number; roundTrips: number; reruns: number }> {
  const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` } });
  if (res.status !== 200) throw new Error(`GET /metrics answered ${res.status}: start the server with METRICS_TOKEN=${BENCH_METRICS_TOKEN}`);
  const text = await res.text();
  const read = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  const reruns = [...text.matchAll(/^retour_db_write_reruns_total\{[^}]*\} (\S+)$/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
  return { statements: read('retour_db_statements_total'), roundTrips: read('retour_db_round_trips_total'), reruns };
}

/** The server's resident memory now and at its peak (VmRSS, VmHWM), in MiB; null off Linux. */
function residentMiB(pid: number): { now: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { now: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

export interface PhaseCost {
  statementsPerRequest: number;
  roundTripsPerRequest: number;
  /** Use cases run again (a lost race, or a refusal decided again with locks): each repeats its statements. */
  rerunsPerRequest: number;
  /** CPU ms per request of the server process and of all local PostgreSQL processes. */
  serverCpuMs: number | null;
  postgresCpuMs: number | null;
  /** The server's peak resident memory so far (MiB). */
  peakRssMiB: number | null;
}

/**
 * What a phase of load cost per request, from the server itself: database statements and round
 * trips (its /metrics counters), CPU (from /proc) and memory. Start before the load; call
 * the returned function with the number of requests the phase made.
 */
export async function measurePhase(base: string, pid: number | undefined): Promise<(requests: number) => Promise<PhaseCost>> {
  const before = await databaseTraffic(base);
  const cpu = cpuMeter(pid);
  return async (requests) => {
    const used = cpu();
    const after = await databaseTraffic(base);
    const per = (n: number | null) => (n === null || requests === 0 ? null : n / requests);
    return {
      statementsPerRequest: (after.statements - before.statements) / Math.max(1, requests),
      roundTripsPerRequest: (after.roundTrips - before.roundTrips) / Math.max(1, requests),
      rerunsPerRequest: (after.reruns - before.reruns) / Math.max(1, requests),
      serverCpuMs: per(used.childMs),
      postgresCpuMs: per(used.postgresMs),
      peakRssMiB: pid ? (residentMiB(pid)?.peak ?? null) : null,
    };
  };
}

/** One line for the log: "4.0 statements/req (4.0 round trips, 0.02 reruns), CPU 1.2 ms node + 0.8 ms PostgreSQL per req, RSS peak 180 MiB". */
export function describeCost(c: PhaseCost): string {
  const ms = (v: number | null) => (v === null ? '?' : v.toFixed(2));
  return `${c.statementsPerRequest.toFixed(1)} statements/req (${c.roundTripsPerRequest.toFixed(1)} round trips, ${c.rerunsPerRequest.toFixed(2)} reruns), CPU ${ms(c.serverCpuMs)} ms node + ${ms(c.postgresCpuMs)} ms PostgreSQL per req, RSS peak ${c.peakRssMiB?.toFixed(0) ?? '?'} MiB`;
}
