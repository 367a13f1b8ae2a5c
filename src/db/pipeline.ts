import type pg from 'pg';

/**
 * Several statements in ONE round trip (PostgreSQL's extended protocol, pipelined): each
 * statement's Parse (once per connection for a named one), Bind, Describe and Execute, then a
 * single Sync. The server runs them in order in one implicit transaction that commits at the
 * Sync, so a later statement sees what an earlier one wrote, and an error in any of them undoes
 * them all and skips the rest. node-postgres sends one statement per round trip and has no
 * pipeline of its own; its Query already collects several result sets (a multi-statement simple
 * query), so a Query that sends several statements and one Sync is all it takes.
 */
export interface PipelineStatement {
  text: string;
  values: unknown[];
  /** A prepared statement's name on this connection; unnamed statements are parsed every time. */
  name?: string;
}

interface Connection {
  parse(msg: { text: string; name?: string; types?: unknown[] }): void;
  bind(msg: { portal: string; statement?: string; values: unknown[]; valueMapper: unknown }): void;
  describe(msg: { type: 'P'; name: string }): void;
  execute(msg: { portal: string; rows?: number }): void;
  sync(): void;
  on(event: 'parseComplete', fn: () => void): void;
  off(event: 'parseComplete', fn: () => void): void;
  stream: { cork?(): void; uncork?(): void };
  parsedStatements: Record<string, string>;
  submittedNamedStatements: Record<string, string>;
}

interface QueryResult {
  rows: Record<string, unknown>[];
}
type Callback = (err: Error | null, results?: QueryResult | QueryResult[]) => void;
type PipelinedQueryClass = new (statements: PipelineStatement[], callback: Callback) => object;

/** Timestamps come back as text, as Drizzle's raw queries return them (its row mappers parse them). */
const AS_TEXT = new Set([1082, 1083, 1114, 1184, 1186, 1115, 1182, 1185, 1187, 1231]);

/**
 * The class extends node-postgres's Query, so it is built from the pg module the caller loaded
 * (db/client.ts loads it only for PostgreSQL): importing pg here would load it on PGlite too.
 */
const pipelinedQueryClasses = new WeakMap<typeof pg, PipelinedQueryClass>();
export function pipelinedQueryClass(pgModule: typeof pg): PipelinedQueryClass {
  let built = pipelinedQueryClasses.get(pgModule);
  if (!built) {
    built = definePipelinedQuery(pgModule);
    pipelinedQueryClasses.set(pgModule, built);
  }
  return built;
}

function definePipelinedQuery(pgModule: typeof pg): PipelinedQueryClass {
  /** node-postgres's own conversion of parameters (dates, JSON, arrays, buffers), as its Query uses. */
  const prepareValue = (pgModule as unknown as { utils: { prepareValue: unknown } }).utils.prepareValue;
  const types = { getTypeParser: (oid: number, format?: string) => (AS_TEXT.has(oid) ? (v: string) => v : pgModule.types.getTypeParser(oid, format as 'text')) };

  return class PipelinedQuery extends (pgModule.Query as unknown as new (config: object) => object) {
    /** Names sent for parsing, in order: each ParseComplete confirms the next one. */
    private readonly parsing: string[] = [];
    private onParse: (() => void) | null = null;
    private connection: Connection | null = null;

    constructor(
      private readonly statements: PipelineStatement[],
      callback: Callback,
    ) {
      super({ callback, types });
    }

    submit(connection: Connection): null {
      this.connection = connection;
      this.onParse = () => {
        const name = this.parsing.shift();
        if (!name) return;
        connection.parsedStatements[name] = connection.submittedNamedStatements[name]!;
        delete connection.submittedNamedStatements[name];
      };
      connection.on('parseComplete', this.onParse);
      connection.stream.cork?.();
      try {
        for (const s of this.statements) {
          const known = s.name !== undefined && (connection.parsedStatements[s.name] !== undefined || connection.submittedNamedStatements[s.name] !== undefined);
          if (!known) {
            connection.parse({ text: s.text, name: s.name, types: [] });
            if (s.name !== undefined) {
              connection.submittedNamedStatements[s.name] = s.text;
              this.parsing.push(s.name);
            } else this.parsing.push('');
          }
          connection.bind({ portal: '', statement: s.name, values: s.values, valueMapper: prepareValue });
          connection.describe({ type: 'P', name: '' });
          connection.execute({ portal: '' });
        }
        connection.sync();
      } finally {
        connection.stream.uncork?.();
      }
      return null;
    }

    private done() {
      if (this.connection && this.onParse) this.connection.off('parseComplete', this.onParse);
      // Statements the server skipped after an error were never parsed: they must be sent again.
      for (const name of this.parsing) if (name) delete this.connection?.submittedNamedStatements[name];
      this.onParse = null;
    }

    handleError(err: Error, connection: Connection) {
      this.done();
      return (pgModule.Query.prototype as unknown as { handleError: (e: Error, c: Connection) => void }).handleError.call(this, err, connection);
    }

    handleReadyForQuery(connection: Connection) {
      this.done();
      return (pgModule.Query.prototype as unknown as { handleReadyForQuery: (c: Connection) => void }).handleReadyForQuery.call(this, connection);
    }
  };
}

/** Sends `statements` on `client` (of `pgModule`) in one round trip; the rows of each, in order. */
export function runPipeline(pgModule: typeof pg, client: pg.ClientBase, statements: PipelineStatement[]): Promise<Record<string, unknown>[][]> {
  const PipelinedQuery = pipelinedQueryClass(pgModule);
  return new Promise((resolve, reject) => {
    const query = new PipelinedQuery(statements, (err, results) => {
      if (err) return reject(err);
      const all = Array.isArray(results) ? results : results ? [results] : [];
      resolve(all.map((r) => r.rows));
    });
    (client as unknown as { query(q: object): void }).query(query);
  });
}
