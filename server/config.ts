import { z } from 'zod';
import { parseFrameAncestors, SAME_ORIGIN_ONLY } from './http/frame-ancestors';

/**
 * The one place that reads process.env. Everything else receives a typed Config.
 * A bad value stops start-up with one message naming the variable.
 */

const port = z.coerce
  .number({ error: 'must be a port number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

const memory = z.string().regex(/^\d+[kmg]$/i, 'must be a size such as 512m or 1g');

const neo4jUri = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return /^(bolt|neo4j)(\+s|\+ssc)?:$/.test(url.protocol) && url.hostname !== '';
  } catch {
    return false;
  }
}, 'must be a bolt://, bolt+s://, neo4j:// or neo4j+s:// URI with a host, e.g. neo4j+s://xxxx.databases.neo4j.io');

const databaseName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, 'must be a Neo4j database name such as neo4j')
  .default('neo4j');

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const envSchema = z.object({
  NEO4J_URI: z.preprocess(emptyAsUndefined, neo4jUri.optional()),
  NEO4J_USER: z.string().min(1, 'must not be empty').default('neo4j'),
  NEO4J_PASSWORD: z.preprocess(emptyAsUndefined, z.string().optional()),
  NEO4J_DATABASE: databaseName,
  PORT: port.default(8080),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NEO4J_HOME: z.string().min(1, 'must not be empty').default('.neo4j'),
  NEO4J_BOLT_PORT: port.default(7687),
  NEO4J_HTTP_PORT: port.default(7474),
  NEO4J_HEAP: memory.default('512m'),
  NEO4J_PAGECACHE: memory.default('256m'),
  NEO4J_START_TIMEOUT_S: z.coerce.number().int().min(5).max(600).default(90),
  // How long `start` keeps trying the database NEO4J_URI names before giving up.
  NEO4J_CONNECT_TIMEOUT_S: z.coerce
    .number()
    .int()
    .min(1, 'must be between 1 and 600')
    .max(600, 'must be between 1 and 600')
    .default(20),
  CHROMIUM_PATH: z.string().min(1, 'must not be empty').default('/usr/bin/chromium'),
  KIZUNA_REQUIRE_SIGN_IN: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false'),
  KIZUNA_SESSION_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  KIZUNA_CONSOLE_TIMEOUT_S: z.coerce
    .number()
    .int()
    .min(1, 'must be between 1 and 60')
    .max(60, 'must be between 1 and 60')
    .default(10),
  // The research console's own database (server/routes/cypher/console-sandbox.ts): a second
  // bundled Neo4j by default, another server when CONSOLE_NEO4J_URI is set, none when off.
  KIZUNA_CONSOLE: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  CONSOLE_NEO4J_URI: z.preprocess(emptyAsUndefined, neo4jUri.optional()),
  CONSOLE_NEO4J_USER: z.string().min(1, 'must not be empty').default('neo4j'),
  CONSOLE_NEO4J_PASSWORD: z.preprocess(emptyAsUndefined, z.string().optional()),
  CONSOLE_NEO4J_DATABASE: databaseName,
  CONSOLE_NEO4J_HOME: z.string().min(1, 'must not be empty').default('.neo4j-console'),
  CONSOLE_NEO4J_BOLT_PORT: port.default(7688),
  CONSOLE_NEO4J_HTTP_PORT: port.default(7475),
  CONSOLE_NEO4J_HEAP: memory.default('384m'),
  CONSOLE_NEO4J_PAGECACHE: memory.default('64m'),
  DB_DEADLINE_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(500, 'must be between 500 and 600000')
    .max(600_000, 'must be between 500 and 600000')
    .default(6000),
  // Which proxies' X-Forwarded-For / -Proto to believe: none by default, so nobody can claim
  // another address; a number of hops, or addresses, CIDR ranges and Express's names
  // (loopback, linklocal, uniquelocal), comma-separated.
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(
      /^(|false|\d{1,2}|(loopback|linklocal|uniquelocal|[0-9a-f:.]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-f:.]+(\/\d{1,3})?))*)$/i,
      'must be false, a number of proxy hops, or proxy addresses/CIDR ranges (or loopback, linklocal, uniquelocal) separated by commas',
    )
    .default('false')
    .transform((value): false | number | string[] =>
      value === '' || value.toLowerCase() === 'false'
        ? false
        : /^\d+$/.test(value)
          ? Number(value)
          : value.split(',').map((part) => part.trim()),
    ),
  ALLOWED_HOSTS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(
          z
            .string()
            .regex(
              /^(\*|\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/,
              'must be host names, optionally with :port, separated by commas (or *)',
            ),
        )
        .min(1, 'must name at least one host (or *)'),
    )
    .default(['localhost', '127.0.0.1', '[::1]']),
  // Which pages may show the app in a frame (an embed): CSP frame-ancestors sources.
  KIZUNA_FRAME_ANCESTORS: z
    .string()
    .transform((value, ctx) => {
      const parsed = parseFrameAncestors(value);
      if (Array.isArray(parsed)) return parsed;
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    })
    .default([...SAME_ORIGIN_ONLY]),
});

export type Env = z.infer<typeof envSchema>;

export interface BundledNeo4jConfig {
  home: string;
  /** Where the server jars live; defaults to <home>/lib. Tests share one lib between homes. */
  libDir?: string;
  boltPort: number;
  httpPort: number;
  heap: string;
  pageCache: string;
  startTimeoutMs: number;
  /** More JVM options for the server, before the defaults' -X options are read (tests tune start-up). */
  jvmOptions?: string[];
}

/** Where the research console's Cypher runs: never the main database. */
export type ConsoleDatabase =
  | {
      mode: 'external';
      connection: { uri: string; user: string; password: string; database: string };
    }
  | { mode: 'bundled'; database: string; bundled: BundledNeo4jConfig }
  | { mode: 'off' };

export interface Config {
  /** Where Kizuna's graph lives: an external database, or the bundled one. */
  neo4j:
    | {
        mode: 'external';
        uri: string;
        user: string;
        password: string;
        database: string;
        /** How long to keep trying to reach it at start. */
        connectTimeoutMs: number;
      }
    | { mode: 'bundled'; user: string; database: string };
  bundled: BundledNeo4jConfig;
  http: {
    port: number;
    host: string;
    /**
     * Host header values the app answers (DNS rebinding defence). A name without a port
     * matches on the port the request arrived on; `*` turns the check off.
     */
    allowedHosts: string[];
    /**
     * Proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (Express's trust proxy):
     * the client's address for sign-in delays and rate limits, and whether it came over TLS
     * (secure cookies, HSTS). False: the connection's own address, as by default.
     */
    trustProxy: false | number | string[];
    /** The pages that may show the app in a frame (CSP frame-ancestors); its own origin by default. */
    frameAncestors: string[];
  };
  /** Every database call gives up after this long (503), so a frozen database hangs nobody. */
  database: { deadlineMs: number };
  logLevel: Env['LOG_LEVEL'];
  /** Debian's Chromium, for PDF export (server) and `npm run export`. */
  chromiumPath: string;
  /** The research console: how long Neo4j lets one request run, and its own database. */
  console: { timeoutMs: number; database: ConsoleDatabase };
  /** Accounts: reading is open unless requireSignIn; sessions last sessionHours. */
  auth: { requireSignIn: boolean; sessionHours: number };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function consoleDatabase(e: Env): ConsoleDatabase {
  if (e.KIZUNA_CONSOLE === 'off') return { mode: 'off' };
  if (e.CONSOLE_NEO4J_URI) {
    return {
      mode: 'external',
      connection: {
        uri: e.CONSOLE_NEO4J_URI,
        user: e.CONSOLE_NEO4J_USER,
        password: e.CONSOLE_NEO4J_PASSWORD ?? '',
        database: e.CONSOLE_NEO4J_DATABASE,
      },
    };
  }
  return {
    mode: 'bundled',
    database: 'neo4j',
    bundled: {
      home: e.CONSOLE_NEO4J_HOME,
      // The main bundled server's jars: one install serves both.
      libDir: `${e.NEO4J_HOME}/lib`,
      boltPort: e.CONSOLE_NEO4J_BOLT_PORT,
      httpPort: e.CONSOLE_NEO4J_HTTP_PORT,
      heap: e.CONSOLE_NEO4J_HEAP,
      pageCache: e.CONSOLE_NEO4J_PAGECACHE,
      startTimeoutMs: e.NEO4J_START_TIMEOUT_S * 1000,
      // A visitor's query that fills the heap ends this server, which is restarted; the
      // main database never shares its memory.
      jvmOptions: ['-XX:+UseG1GC', '-XX:+ExitOnOutOfMemoryError'],
    },
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const got = env[variable];
    const shown = got === undefined ? '' : ` (got ${JSON.stringify(got)})`;
    throw new ConfigError(`Invalid configuration: ${variable} ${issue.message}${shown}.`);
  }
  const e = parsed.data;
  if (e.CONSOLE_NEO4J_URI && e.CONSOLE_NEO4J_PASSWORD === undefined) {
    throw new ConfigError(
      "Invalid configuration: CONSOLE_NEO4J_PASSWORD must be set when CONSOLE_NEO4J_URI points at the console's database.",
    );
  }
  if (e.NEO4J_URI && e.NEO4J_PASSWORD === undefined) {
    throw new ConfigError(
      'Invalid configuration: NEO4J_PASSWORD must be set when NEO4J_URI points at your own database.',
    );
  }
  return {
    neo4j: e.NEO4J_URI
      ? {
          mode: 'external',
          uri: e.NEO4J_URI,
          user: e.NEO4J_USER,
          password: e.NEO4J_PASSWORD ?? '',
          database: e.NEO4J_DATABASE,
          connectTimeoutMs: e.NEO4J_CONNECT_TIMEOUT_S * 1000,
        }
      : { mode: 'bundled', user: 'neo4j', database: e.NEO4J_DATABASE },
    bundled: {
      home: e.NEO4J_HOME,
      boltPort: e.NEO4J_BOLT_PORT,
      httpPort: e.NEO4J_HTTP_PORT,
      heap: e.NEO4J_HEAP,
      pageCache: e.NEO4J_PAGECACHE,
      startTimeoutMs: e.NEO4J_START_TIMEOUT_S * 1000,
    },
    http: {
      port: e.PORT,
      host: e.HOST,
      allowedHosts: e.ALLOWED_HOSTS,
      trustProxy: e.TRUST_PROXY,
      frameAncestors: e.KIZUNA_FRAME_ANCESTORS,
    },
    database: { deadlineMs: e.DB_DEADLINE_MS },
    logLevel: e.LOG_LEVEL,
    chromiumPath: e.CHROMIUM_PATH,
    console: { timeoutMs: e.KIZUNA_CONSOLE_TIMEOUT_S * 1000, database: consoleDatabase(e) },
    auth: {
      requireSignIn: e.KIZUNA_REQUIRE_SIGN_IN === 'true',
      sessionHours: e.KIZUNA_SESSION_HOURS,
    },
  };
}
