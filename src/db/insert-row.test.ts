import { is, sql } from 'drizzle-orm';
import { drizzle as mockDrizzle } from 'drizzle-orm/node-postgres';
import { PgDialect, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { completeRow, insertRowSql } from './insert-row.js';
import * as schema from './schema/index.js';
import { caseEvents, caseMessages, deadlines, returnCases } from './schema/index.js';

// Builds statements without a database.
const qb = mockDrizzle.mock();
const dialect = (qb as unknown as { dialect: PgDialect }).dialect;
const tables = (Object.entries(schema) as [string, unknown][]).filter((entry): entry is [string, PgTable] => is(entry[1], PgTable));

/** Generated ids and clocks differ between two builds: compared by their kind. */
const shape = (value: unknown) =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(value) ? 'uuid' : value instanceof Date || (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)) ? 'time' : value;
const compiled = (query: Parameters<PgDialect['sqlToQuery']>[0]) => {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return { text, params: params.map(shape) };
};

describe('insertRowSql', () => {
  it('builds what Drizzle’s insert builds for every table of the schema, with every column left to its default', () => {
    expect(tables.length).toBeGreaterThan(40);
    for (const [name, table] of tables) {
      const ours = insertRowSql(table, {} as never);
      expect(ours, name).not.toBeNull();
      expect(compiled(ours!), name).toEqual(compiled(qb.insert(table).values({} as never).getSQL()));
    }
  });

  it('builds the same for rows as the write path inserts them (json, arrays, nulls, SQL values)', () => {
    const at = new Date('2026-12-07T03:00:00Z');
    const rows: [PgTable, Record<string, unknown>][] = [
      [caseEvents, { shopId: '0190a000-0000-7000-8000-000000000001', caseId: '0190a000-0000-7000-8000-000000000002', type: 'case.created', action: null, payload: { automation: { fastRefund: true }, note: "it's" }, createdAt: at }],
      [deadlines, { shopId: '0190a000-0000-7000-8000-000000000001', caseId: '0190a000-0000-7000-8000-000000000002', kind: 'seller_response', dueAt: at, status: 'pending' }],
      [returnCases, { shopId: '0190a000-0000-7000-8000-000000000001', rmaNumber: 'R1', orderId: '0190a000-0000-7000-8000-000000000003', type: 'refund_only', status: 'requested', currency: 'CNY', riskScore: 12, riskReasons: ['new_buyer', 'high_value'], breakdown: { items: [1, 2] }, version: sql`1 + 1`, buyerNote: undefined }],
    ];
    for (const [table, row] of rows) {
      const { text, params } = compiled(insertRowSql(table, row as never)!);
      expect({ text, params }).toEqual(compiled(qb.insert(table).values(row as never).getSQL()));
      expect(params.length).toBeGreaterThan(3);
    }
  });
});

describe('completeRow', () => {
  const at = new Date('2026-11-01T08:00:00.123Z');
  const event = { shopId: 's', caseId: 'c', type: 'case.created', action: 'create', toStatus: 'requested', actorKind: 'system', createdAt: at };

  it('makes node-made values once: the row it writes and the row it keeps have the same id', () => {
    const { write, stored } = completeRow(caseEvents, event as never);
    const id = (write as { id: string }).id;
    expect(id).toMatch(/^[0-9a-f]{8}-/);
    expect(stored).toMatchObject({ id, createdAt: at, type: 'case.created' });
    // The insert names the made id as a value, as Drizzle would have made it at the insert.
    expect(dialect.sqlToQuery(insertRowSql(caseEvents, write)!).params).toContain(id);
  });

  it('keeps a value left to a plain default as that default, and one with no default as null', () => {
    const { stored } = completeRow(caseEvents, event as never);
    expect(stored).toMatchObject({ payload: {}, fromStatus: null });
  });

  it('keeps values as a read gives them back: JSON without undefined fields and with dates as text', () => {
    const { stored } = completeRow(caseEvents, { ...event, payload: { at, gone: undefined, n: 1 } } as never);
    expect(stored!.payload).toEqual({ at: at.toISOString(), n: 1 });
    expect(Object.keys(stored!.payload as object)).not.toContain('gone');
  });

  it('cannot tell a row the database completes: a column left to an SQL default, or a value given as SQL', () => {
    // created_at defaults to now() in the database.
    expect(completeRow(caseEvents, { ...event, createdAt: undefined } as never).stored).toBeNull();
    expect(completeRow(caseEvents, { ...event, createdAt: sql`now()` } as never).stored).toBeNull();
    // evidence_ids defaults to '{}'::uuid[] in SQL; given, the row is known.
    const message = { shopId: 's', caseId: 'c', visibility: 'public', authorKind: 'system', body: 'b', createdAt: at };
    expect(completeRow(caseMessages, message as never).stored).toBeNull();
    expect(completeRow(caseMessages, { ...message, evidenceIds: [] } as never).stored).toMatchObject({ evidenceIds: [] });
  });
});
