import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import { type Connection, createDriver } from './connection';
import { type Plain, toPlain } from './to-plain';

export type Row = Record<string, Plain>;
export type Params = Record<string, unknown>;

export interface RunOptions {
  /** Server-side transaction timeout in milliseconds. */
  timeoutMs?: number;
}

/**
 * The one door to Neo4j. Every read and write goes through here, in managed
 * transactions whose session is always closed, and comes back as plain rows.
 */
export interface Graph {
  readonly database: string;
  read(cypher: string, params?: Params, options?: RunOptions): Promise<Row[]>;
  write(cypher: string, params?: Params, options?: RunOptions): Promise<Row[]>;
  close(): Promise<void>;
  readonly driver: Driver;
}

/**
 * JavaScript has one number type; Cypher has INTEGER and FLOAT, and LIMIT or SKIP refuse
 * a float. Whole numbers go to Neo4j as integers, so stored counts and line numbers are
 * INTEGER too.
 */
export function toParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toParams);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toParams(v)]));
  }
  return value;
}

export function openGraph(connection: Connection): Graph {
  const driver = createDriver(connection);
  const database = connection.database;

  async function run(mode: 'READ' | 'WRITE', cypher: string, params: Params, options: RunOptions) {
    const session = driver.session({ database, defaultAccessMode: mode });
    const txConfig = options.timeoutMs ? { timeout: options.timeoutMs } : undefined;
    try {
      const work = async (tx: ManagedTransaction) => {
        const result = await tx.run(cypher, toParams(params) as Params);
        return result.records.map((record) => toPlain(record.toObject()) as Row);
      };
      return mode === 'READ'
        ? await session.executeRead(work, txConfig)
        : await session.executeWrite(work, txConfig);
    } finally {
      await session.close();
    }
  }

  return {
    database,
    driver,
    read: (cypher, params = {}, options = {}) => run('READ', cypher, params, options),
    write: (cypher, params = {}, options = {}) => run('WRITE', cypher, params, options),
    close: () => driver.close(),
  };
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** True when the error means "the database cannot be reached now" (→ 503), not a bad query. */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof Neo4jError) {
    return (
      UNAVAILABLE_CODES.has(error.code) ||
      error.code.startsWith('Neo.TransientError.General.DatabaseUnavailable') ||
      /connection acquisition timed out|Failed to connect|ECONNREFUSED/i.test(error.message)
    );
  }
  return false;
}
