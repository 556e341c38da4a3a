import neo4j, { type Driver } from 'neo4j-driver';

/** How to reach a Neo4j database: what config or the bundled server hands to graph/. */
export interface Connection {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/** One driver per process; callers close it on shutdown. */
export function createDriver(connection: Connection): Driver {
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    // Fail fast when the database is down: the API answers 503 instead of hanging.
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 5_000,
    // Retries ride out a cluster's leader change; a database that is simply down answers 503 fast.
    maxTransactionRetryTime: 1_500,
    disableLosslessIntegers: false,
    userAgent: 'kizuna',
  });
}

/**
 * Opens a short-lived driver and checks the server answers with these credentials.
 * Used while waiting for a starting server; throws the driver's error otherwise.
 */
export async function pingNeo4j(connection: Connection): Promise<void> {
  const driver = createDriver(connection);
  try {
    // Resolves false (rather than throwing) when the server rejects the credentials.
    if (!(await driver.verifyAuthentication())) {
      throw new Error(
        `Neo4j at ${connection.uri} refused user "${connection.user}": authentication failed.`,
      );
    }
  } finally {
    await driver.close();
  }
}

/**
 * Checks the configured database exists on the server, naming the ones that do when it
 * does not. A user who may not list databases is let through: the first query will tell.
 */
export async function checkDatabase(connection: Connection): Promise<void> {
  const driver = createDriver(connection);
  let names: string[];
  try {
    const { records } = await driver.executeQuery(
      'SHOW DATABASES YIELD name RETURN DISTINCT name ORDER BY name',
      {},
      { database: 'system' },
    );
    names = records.map((record) => String(record.get('name')));
  } catch {
    return;
  } finally {
    await driver.close();
  }
  if (!names.includes(connection.database)) {
    throw new Error(
      `Neo4j at ${connection.uri} has no database "${connection.database}"; it has ${names
        .filter((name) => name !== 'system')
        .map((name) => `"${name}"`)
        .join(', ')}. Set NEO4J_DATABASE to one of them.`,
    );
  }
}
