import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The reads of an optimistic use case (write-batch.ts `batchedWrite`) run outside a transaction,
 * so a write sent among them would commit on its own, apart from the use case's one guarded
 * write. The database clients check every statement against this: during the reading phase a
 * write, or a read that locks, is refused before it is sent, and the use case runs again inside
 * a transaction. Nothing is lost either way; only the fast path is skipped.
 */
export class ReadPhaseWrite extends Error {
  constructor(what: string) {
    super(`an optimistic use case tried to write before its single write: ${what}`);
  }
}

/** Whether `err` is (or was caused by: drivers and Drizzle wrap errors) a refused write. */
export function isReadPhaseWrite(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) if (e instanceof ReadPhaseWrite) return true;
  return false;
}

interface Phase {
  reading: boolean;
  /** Statements sent while reading: one is one snapshot of the database, two or more may not agree. */
  reads: number;
}
const phases = new AsyncLocalStorage<Phase>();

/** What a use case's reading phase sent, and the end of it. */
export interface ReadingPhase {
  /** Ends the phase, just before the use case's one write. */
  writing(): void;
  /** Statements sent during the phase. */
  readonly reads: number;
}

/** Runs `fn` in a reading phase; `phase.writing()` ends it just before the use case's one write. */
export function readingPhase<T>(fn: (phase: ReadingPhase) => Promise<T>): Promise<T> {
  const phase: Phase = { reading: true, reads: 0 };
  return phases.run(phase, () =>
    fn({
      writing: () => (phase.reading = false),
      get reads() {
        return phase.reads;
      },
    }),
  );
}

const WRITE = /^\s*(insert|update|delete|merge|create|alter|drop|truncate|lock|copy|grant|vacuum|analyze)\b/i;
const WRITING_CTE = /^\s*with\b[\s\S]*\b(insert\s+into|update\s+"?\w+"?\s+set|delete\s+from)\b/i;
const LOCKING_READ = /\bfor\s+(update|no\s+key\s+update|share|key\s+share)\b/i;

/** Throws when `text` would write (or lock) during a reading phase of the current async context. */
export function assertMaySend(text: string): void {
  const phase = phases.getStore();
  if (!phase?.reading) return;
  if (WRITE.test(text) || WRITING_CTE.test(text) || LOCKING_READ.test(text)) throw new ReadPhaseWrite(text.replace(/\s+/g, ' ').slice(0, 80));
  phase.reads++;
}
