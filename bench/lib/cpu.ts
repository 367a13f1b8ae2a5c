import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * CPU time from /proc (Linux): what a benchmark cost the server process, the PostgreSQL
 * processes and the machine as a whole. Elsewhere every figure is null and nothing is printed.
 */
const TICK_MS = 10; // USER_HZ is 100 on Linux

function processTicks(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function postgresTicks(): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  let total = 0;
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/comm`, 'utf8').startsWith('postgres')) continue;
    } catch {
      continue;
    }
    total += processTicks(Number(entry)) ?? 0;
  }
  return total;
}

function machineTicks(): { busy: number; all: number } | null {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = f;
    return { busy: user + nice + system + irq + softirq + steal, all: user + nice + system + idle + iowait + irq + softirq + steal };
  } catch {
    return null;
  }
}

export interface CpuUse {
  /** CPU ms of the watched child process (the server), null when not watched or unknown. */
  childMs: number | null;
  /** CPU ms of all local PostgreSQL processes (includes other clients of the same server). */
  postgresMs: number | null;
  /** CPU ms of this process (the load generator). */
  selfMs: number;
  /** CPU ms the whole machine was busy, and how many it had. */
  machineBusyMs: number | null;
  machineMs: number | null;
}

/** Starts counting; call the returned function to get the CPU used since. */
export function cpuMeter(childPid?: number): () => CpuUse {
  const child0 = childPid ? processTicks(childPid) : null;
  const pg0 = postgresTicks();
  const self0 = process.cpuUsage();
  const m0 = machineTicks();
  return () => {
    const child1 = childPid ? processTicks(childPid) : null;
    const pg1 = postgresTicks();
    const self = process.cpuUsage(self0);
    const m1 = machineTicks();
    return {
      childMs: child0 !== null && child1 !== null ? (child1 - child0) * TICK_MS : null,
      postgresMs: pg0 !== null && pg1 !== null ? (pg1 - pg0) * TICK_MS : null,
      selfMs: (self.user + self.system) / 1000,
      machineBusyMs: m0 && m1 ? (m1.busy - m0.busy) * TICK_MS : null,
      machineMs: m0 && m1 ? (m1.all - m0.all) * TICK_MS : null,
    };
  };
}

export const cpuCount = () => cpus().length;

/** Share (0..1) of the machine's CPU busy over the next `ms` while this process waits: other load. */
export async function machineBusyShare(ms = 1000): Promise<number | null> {
  const m0 = machineTicks();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const m1 = machineTicks();
  if (!m0 || !m1 || m1.all === m0.all) return null;
  return (m1.busy - m0.busy) / (m1.all - m0.all);
}
