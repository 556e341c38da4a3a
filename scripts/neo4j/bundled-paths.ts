import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BundledNeo4jConfig } from '../../server/config';
import { repoRoot } from '../../server/repo-root';

export { repoRoot };

const pomPath = path.join(repoRoot, 'neo4j', 'pom.xml');

/** The Neo4j version is set once, in neo4j/pom.xml. */
export function neo4jVersion(): string {
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(readFileSync(pomPath, 'utf8'));
  if (!match?.[1]) throw new Error(`Cannot find <neo4j.version> in ${pomPath}`);
  return match[1];
}

export function bundledPaths(config: BundledNeo4jConfig) {
  const home = path.resolve(repoRoot, config.home);
  return {
    pom: pomPath,
    home,
    lib: config.libDir ? path.resolve(repoRoot, config.libDir) : path.join(home, 'lib'),
    conf: path.join(home, 'conf'),
    data: path.join(home, 'data'),
    logs: path.join(home, 'logs'),
    import: path.join(home, 'import'),
    plugins: path.join(home, 'plugins'),
    run: path.join(home, 'run'),
    pidFile: path.join(home, 'run', 'neo4j.pid'),
    passwordFile: path.join(home, 'password'),
    authFile: path.join(home, 'data', 'dbms', 'auth.ini'),
    consoleLog: path.join(home, 'logs', 'console.log'),
    neo4jLog: path.join(home, 'logs', 'neo4j.log'),
  };
}

export type BundledPaths = ReturnType<typeof bundledPaths>;
