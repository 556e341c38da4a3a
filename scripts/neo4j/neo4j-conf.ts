import type { BundledNeo4jConfig } from '../../server/config';
import type { BundledPaths } from './bundled-paths';

/**
 * neo4j.conf for the bundled server. Defensive by default: loopback only, auth on,
 * no file or network access from Cypher, and no plugins, so no procedures beyond Neo4j's
 * built-ins. docs/neo4j-security.md explains each line for people who bring their own Neo4j,
 * and why dbms.security.procedures.allowlist is not among them.
 */
export function neo4jConf(
  paths: BundledPaths,
  config: BundledNeo4jConfig,
  database: string,
): string {
  const lines = [
    '# Written by scripts/neo4j on every start; edit server/config.ts defaults or env vars instead.',
    'server.default_listen_address=127.0.0.1',
    'server.default_advertised_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${config.boltPort}`,
    `server.bolt.advertised_address=127.0.0.1:${config.boltPort}`,
    'server.http.enabled=true',
    `server.http.listen_address=127.0.0.1:${config.httpPort}`,
    `server.http.advertised_address=127.0.0.1:${config.httpPort}`,
    'server.https.enabled=false',
    // Neo4j answers every origin with Access-Control-Allow-Origin: * by default, so any web
    // page could read its HTTP API with a user's credentials; only its own origin may.
    `dbms.security.http_access_control_allow_origin=http://127.0.0.1:${config.httpPort}`,
    `server.directories.data=${paths.data}`,
    `server.directories.logs=${paths.logs}`,
    `server.directories.import=${paths.import}`,
    `server.directories.plugins=${paths.plugins}`,
    `server.memory.pagecache.size=${config.pageCache}`,
    `initial.dbms.default_database=${database}`,
    'dbms.security.auth_enabled=true',
    // No LOAD CSV from files, and no outbound connections from Cypher to any address.
    'dbms.security.allow_csv_import_from_file_urls=false',
    'internal.dbms.cypher_ip_blocklist=0.0.0.0/0,::/0',
    // No plugins are installed; nothing may run unrestricted. (procedures.allowlist only
    // filters plugins' procedures, not the built-ins: the research console keeps its own.)
    'dbms.security.procedures.unrestricted=',
    'dbms.usage_report.enabled=false',
    'db.transaction.timeout=60s',
    // A quarter of the default heap: up to four console queries collecting or sorting at
    // once stay within the pool for all transactions (70% of the heap), issue 10.
    'db.memory.transaction.max=128m',
    'db.logs.query.enabled=INFO',
  ];
  return `${lines.join('\n')}\n`;
}
