/**
 * What every part of the SQLite adapter shares: prepared statements cached per SQL text, the
 * JSON documents each table keeps, WHERE clauses built from optional filters, and pages.
 */
import type Database from 'better-sqlite3';
import { fail, ok, type Result } from '../../../shared/errors';
import { assertNextVersion, offsetOf } from './store.columns';
import type { Page, PageOf } from './store.page';

export type Db = Database.Database;
export type Where = { sql: string; params: unknown[] };
type DocRow = { doc: string };

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** The prepared statement of one SQL text on one connection, prepared on first use: preparing costs more than most reads. */
export const prepared = (db: Db, sql: string): Database.Statement => {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
};

/** Tells whether SQLite refused a write for a taken unique key or primary key. */
export const isUniqueViolation = (e: unknown): boolean =>
  typeof (e as { code?: unknown })?.code === 'string' && /^SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)$/.test((e as { code: string }).code);

/** A unique violation on one column (SQLite names it `table.column` in the message). */
export const violates = (e: unknown, column: string): boolean => isUniqueViolation(e) && String((e as Error).message).includes(column);

/** The document of a row (its `doc` column), or null. */
export const parse = <T>(row: unknown): T | null => (row ? (JSON.parse((row as DocRow).doc) as T) : null);
/** The documents of rows, in their order. */
export const parseAll = <T>(rows: unknown[]): T[] => rows.map((r) => JSON.parse((r as DocRow).doc) as T);

/** Joins optional conditions into one WHERE clause; an empty list matches everything. */
export const where = (parts: (Where | null)[]): Where => {
  const used = parts.filter((p): p is Where => p !== null);
  return { sql: used.length ? `WHERE ${used.map((p) => p.sql).join(' AND ')}` : '', params: used.flatMap((p) => p.params) };
};

/** One condition, or none when the filter value is absent. */
export const cond = (value: unknown, sql: string, params: unknown[] = [value]): Where | null =>
  value === undefined || value === null || value === '' ? null : { sql, params };

/** A LIKE pattern for a substring, with the wildcards in it escaped. */
export const likeOf = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One page of docs plus the total (counted, unless the caller knows it), in a stable order. */
export const pageQuery = <T>(db: Db, from: string, w: Where, order: string, page: Page, total?: number): PageOf<T> => {
  const n = total ?? (prepared(db, `SELECT COUNT(*) AS n FROM ${from} ${w.sql}`).get(...w.params) as { n: number }).n;
  const rows = prepared(db, `SELECT doc FROM ${from} ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...w.params, page.pageSize, offsetOf(page));
  return { items: parseAll<T>(rows), total: n, page: page.page, pageSize: page.pageSize };
};

/** One document by a query, or null. */
export const getDoc = <T>(db: Db, sql: string, ...args: unknown[]): T | null => parse<T>(prepared(db, sql).get(...args));
/** Every document a query answers, in its order. */
export const allDocs = <T>(db: Db, sql: string, ...args: unknown[]): T[] => parseAll<T>(prepared(db, sql).all(...args));

/** A versioned record table (users, companies, outbox): insert-or-DUPLICATE, or update-if-version. */
export const versioned = <T extends { id: string; version: number }>(
  db: Db,
  table: string,
  columns: string[],
  values: (r: T) => unknown[],
  /** the answer for a unique index on a column other than the id (e.g. ID_ALREADY_BOUND), or null */
  uniqueFailure: (e: unknown) => Result<T> | null = () => null,
) => {
  const names = ['version', ...columns, 'doc'];
  const insert = prepared(db, `INSERT INTO ${table} (id, ${names.join(', ')}) VALUES (?, ${names.map(() => '?').join(', ')})`);
  const update = prepared(db, `UPDATE ${table} SET ${names.map((c) => `${c} = ?`).join(', ')} WHERE id = ? AND version = ?`);
  const exists = prepared(db, `SELECT 1 FROM ${table} WHERE id = ?`);
  return (record: T, expectedVersion?: number): Result<T> => {
    const doc = JSON.stringify(record);
    if (expectedVersion === undefined) {
      try {
        insert.run(record.id, record.version, ...values(record), doc);
        return ok(record);
      } catch (e) {
        const other = uniqueFailure(e);
        if (other) return other;
        if (isUniqueViolation(e)) return fail('DUPLICATE', undefined, `${table} ${record.id}`);
        throw e;
      }
    }
    assertNextVersion(table, record.version, expectedVersion);
    let changes: number;
    try {
      changes = update.run(record.version, ...values(record), doc, record.id, expectedVersion).changes;
    } catch (e) {
      const other = uniqueFailure(e);
      if (other) return other;
      throw e;
    }
    if (changes === 1) return ok(record);
    return exists.get(record.id) ? fail('CONFLICT', undefined, `${table} ${record.id}`) : fail('NOT_FOUND', undefined, `${table} ${record.id}`);
  };
};

/** Carries a failed Result out of a better-sqlite3 transaction, which rolls it back. */
export class Rollback extends Error {
  constructor(readonly result: Result<never>) {
    super('rolled back');
  }
}
