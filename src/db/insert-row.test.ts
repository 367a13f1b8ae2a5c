import { is, sql } from 'drizzle-orm';
import { drizzle as mockDrizzle } from 'drizzle-orm/node-postgres';
import { PgDialect, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { insertRowSql } from './insert-row.js';
import * as schema from './schema/index.js';
import { caseEvents, deadlines, returnCases } from './schema/index.js';

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
