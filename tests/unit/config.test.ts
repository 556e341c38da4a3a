import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

describe('loadConfig', () => {
  it('defaults to the bundled Neo4j and port 8080', () => {
    const config = loadConfig({});
    expect(config.neo4j).toEqual({ mode: 'bundled', user: 'neo4j', database: 'neo4j' });
    expect(config.http).toEqual({
      port: 8080,
      host: '127.0.0.1',
      allowedHosts: ['localhost', '127.0.0.1', '[::1]'],
      trustProxy: false,
      frameAncestors: ["'self'"],
    });
    expect(config.database).toEqual({ deadlineMs: 6000 });
    expect(config.bundled).toMatchObject({
      boltPort: 7687,
      httpPort: 7474,
      heap: '512m',
      startTimeoutMs: 90_000,
    });
  });

  it('uses an external database when NEO4J_URI is set, routing schemes included', () => {
    for (const uri of [
      'neo4j+s://abcd.databases.neo4j.io',
      'neo4j://cluster:7687',
      'bolt://127.0.0.1:7687',
      'bolt+ssc://h',
    ]) {
      expect(loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: 'pw' }).neo4j).toMatchObject({
        mode: 'external',
        uri,
        connectTimeoutMs: 20_000,
      });
    }
    expect(
      loadConfig({ NEO4J_URI: 'bolt://h', NEO4J_PASSWORD: 'pw', NEO4J_CONNECT_TIMEOUT_S: '120' })
        .neo4j,
    ).toMatchObject({ connectTimeoutMs: 120_000 });
  });

  it('stops with one message naming the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(
      /^Invalid configuration: PORT .*\(got "eighty"\)\.$/,
    );
    expect(() => loadConfig({ PORT: '70000' })).toThrow('PORT must be between 1 and 65535');
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'x' })).toThrow(
      /NEO4J_URI must be a bolt/,
    );
    expect(() => loadConfig({ NEO4J_URI: 'neo4j://localhost' })).toThrow(
      'NEO4J_PASSWORD must be set',
    );
    expect(() => loadConfig({ NEO4J_HEAP: 'lots' })).toThrow(
      'NEO4J_HEAP must be a size such as 512m',
    );
    expect(() => loadConfig({ NEO4J_DATABASE: 'drop table' })).toThrow('NEO4J_DATABASE');
  });

  it('reads the database deadline and the Host allow-list', () => {
    const config = loadConfig({
      DB_DEADLINE_MS: '2500',
      ALLOWED_HOSTS: ' Kizuna.LAN , 10.0.0.5:8080 ',
    });
    expect(config.database.deadlineMs).toBe(2500);
    expect(config.http.allowedHosts).toEqual(['kizuna.lan', '10.0.0.5:8080']);
    expect(loadConfig({ ALLOWED_HOSTS: '*' }).http.allowedHosts).toEqual(['*']);
    expect(() => loadConfig({ DB_DEADLINE_MS: '10' })).toThrow(
      /^Invalid configuration: DB_DEADLINE_MS must be between 500 and 600000/,
    );
    expect(() => loadConfig({ ALLOWED_HOSTS: 'http://evil/' })).toThrow(
      /^Invalid configuration: ALLOWED_HOSTS must be host names/,
    );
  });

  it('reads which pages may frame the app: its own origin unless KIZUNA_FRAME_ANCESTORS names others', () => {
    expect(loadConfig({}).http.frameAncestors).toEqual(["'self'"]);
    expect(
      loadConfig({
        KIZUNA_FRAME_ANCESTORS:
          " 'self'  https://reports.example.org https://*.example.go.jp:8443 ",
      }).http.frameAncestors,
    ).toEqual(["'self'", 'https://reports.example.org', 'https://*.example.go.jp:8443']);
    expect(loadConfig({ KIZUNA_FRAME_ANCESTORS: "'none'" }).http.frameAncestors).toEqual([
      "'none'",
    ]);
    expect(() =>
      loadConfig({ KIZUNA_FRAME_ANCESTORS: 'https://a.example.org, https://b.example.org' }),
    ).toThrow(
      /^Invalid configuration: KIZUNA_FRAME_ANCESTORS must be 'self', 'none', or origins .*; not https:\/\/a\.example\.org,/,
    );
    expect(() => loadConfig({ KIZUNA_FRAME_ANCESTORS: "'none' https://a.example.org" })).toThrow(
      "KIZUNA_FRAME_ANCESTORS 'none' must stand alone",
    );
    expect(() => loadConfig({ KIZUNA_FRAME_ANCESTORS: '  ' })).toThrow(
      'KIZUNA_FRAME_ANCESTORS must name at least one source',
    );
  });

  it('reads the console time limit, 10 s unless set', () => {
    expect(loadConfig({}).console.timeoutMs).toBe(10_000);
    expect(loadConfig({ KIZUNA_CONSOLE_TIMEOUT_S: '3' }).console.timeoutMs).toBe(3_000);
    expect(() => loadConfig({ KIZUNA_CONSOLE_TIMEOUT_S: '600' })).toThrow(
      /^Invalid configuration: KIZUNA_CONSOLE_TIMEOUT_S must be between 1 and 60/,
    );
  });

  it('believes no proxy unless told which (TRUST_PROXY)', () => {
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).http.trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(
      /^Invalid configuration: TRUST_PROXY must be false, a number of proxy hops/,
    );
  });
});
