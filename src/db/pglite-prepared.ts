import type { PGlite } from '@electric-sql/pglite';
import type { parse as pgliteParse, protocol as pgliteProtocol } from '@electric-sql/pglite';
import { statementName } from './statement-name.js';

/** What PGlite's `query` is called with (its options object is passed through). */
export type PgliteQuery = (text: string, params?: unknown[], options?: Record<string, unknown>) => Promise<unknown>;

/** PGlite's own pieces this module drives (public exports, and members its `query` uses). */
export interface PgliteModules {
  protocol: typeof pgliteProtocol;
  parse: typeof pgliteParse;
}
interface PgliteInternals {
  _checkReady(): Promise<void>;
  _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T>;
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
  execProtocolStream(message: Uint8Array, options: { syncToFs: boolean }): Promise<{ name: string; dataTypeIDs?: number[] }[]>;
  syncToFs(): Promise<void>;
  serializers: Record<number, (value: unknown) => string>;
  parsers: Record<number, (value: string, typeId?: number) => unknown>;
}

type Parsers = PgliteInternals['parsers'];

/** The messages as one buffer, in order. */
function concat(parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

const PREPARABLE = /^\s*(select|insert|update|delete|with|values)\b/i;

/**
 * PGlite's `query` sends every statement as the unnamed one, so PostgreSQL parses and plans it on
 * every call, and planning the case path's statements costs PGlite far more than running them (the
 * buyer-history read: 7 to 50 ms of planning against 0.4 ms of execution). This runs a statement
 * as PGlite's `query` does (Parse, Describe, Bind, Describe, Execute, Sync, the same locks, the
 * same result parsing), but Parses each text once as a named statement and then only Binds it:
 * PostgreSQL then plans it as it plans node-postgres's named statements, keeping a generic plan
 * once that is no worse. What it does not prepare (other statements, too many parameters, blobs,
 * anything past the per-database cap) goes to PGlite's `query` unchanged.
 */
export function preparedStatements(pglite: PGlite, { protocol, parse }: PgliteModules, limits: { maxStatements: number; maxParams: number }) {
  const pg = pglite as unknown as PgliteInternals;
  const { serialize } = protocol;
  /** Parameter type ids of each statement prepared on this database, by name. */
  const statements = new Map<string, number[]>();
  const send = (message: Uint8Array) => pg.execProtocolStream(message, { syncToFs: false });
  /**
   * A caller's parsers (Drizzle passes a few of its own, a new object for every statement) in front
   * of PGlite's, which stay behind them as their prototype. PGlite's parseResults copies its whole
   * table, an entry per array type too, into a new object for every statement instead: that copy was
   * the largest JavaScript cost of a statement.
   */
  const withParsers = (own: Parsers): Parsers => Object.assign(Object.create(pg.parsers) as Parsers, own);

  const run = (name: string, text: string, params: unknown[], options: Record<string, unknown> | undefined, inTransaction: boolean) =>
    pg._runExclusiveQuery(async () => {
      const messages: unknown[] = [];
      let synced = false;
      try {
        let types = statements.get(name);
        if (!types) {
          messages.push(...(await send(serialize.parse({ name, text }))));
          const described = await send(serialize.describe({ type: 'S', name }));
          types = described.find((m) => m.name === 'parameterDescription')?.dataTypeIDs ?? [];
          statements.set(name, types);
        }
        const values = params.map((value, i) => {
          if (value === null || value === undefined) return null;
          const toText = pg.serializers[types[i]!];
          return toText ? toText(value) : String(value);
        });
        // One call into PGlite for the four messages: it runs until its input is used up. On an
        // error PostgreSQL skips to the Sync, and PGlite throws once all of them are processed.
        synced = true;
        messages.push(...(await send(concat([serialize.bind({ statement: name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]))));
      } catch (err) {
        // As PGlite's query does: the error names the statement and its parameters.
        if (err && typeof err === 'object' && 'code' in err) Object.assign(err, { query: text, params, queryOptions: options });
        // What went before the Bind (a Parse, a Describe, a parameter that would not serialise) still needs its Sync.
        if (!synced) await send(serialize.sync());
        throw err;
      }
      if (!inTransaction) await pg.syncToFs();
      const parsers = options?.parsers ? withParsers(options.parsers as Parsers) : pg.parsers;
      return parse.parseResults(messages as Parameters<typeof parse.parseResults>[0], parsers as Parameters<typeof parse.parseResults>[1], options?.parsers ? { ...options, parsers: undefined } : options)[0];
    });

  return (query: PgliteQuery, inTransaction: boolean): PgliteQuery =>
    (text, params = [], options) => {
      const name = PREPARABLE.test(text) && params.length <= limits.maxParams && !options?.blob ? statementName(text) : undefined;
      if (!name || (!statements.has(name) && statements.size >= limits.maxStatements)) return query(text, params, options);
      // Outside a transaction, PGlite's query waits for any transaction under way to end first.
      if (inTransaction) return run(name, text, params, options, true);
      return pg._checkReady().then(() => pg._runExclusiveTransaction(() => run(name, text, params, options, false)));
    };
}
