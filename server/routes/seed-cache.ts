import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Request, RequestHandler, Response } from 'express';
import type { Graph } from '../../graph/graph';
import { seedVersionOf } from '../http/data-version';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

type Encoding = 'gzip' | 'br';

/**
 * A response body as built once per data version: plain, and compressed in each encoding
 * the first time a client asks for it (most clients only ever ask for one).
 */
interface CachedBody {
  type: string;
  /** A string body is UTF-8 text; bytes (a zip) carry no charset. */
  text: boolean;
  headers: Record<string, string>;
  identity: Buffer;
  encoded: Map<Encoding, Promise<Buffer>>;
}

/** The size from which a body is compressed, as the compression middleware's default. */
export const COMPRESS_FROM = 1024;

export interface Built {
  type: string;
  body: string | Uint8Array;
  headers?: Record<string, string>;
}

/** A JSON answer to cache, as res.json would have sent it. */
export function json(value: unknown): Built {
  return { type: 'application/json', body: JSON.stringify(value) };
}

function cachedBody(built: Built): CachedBody {
  return {
    type: built.type,
    text: typeof built.body === 'string',
    headers: built.headers ?? {},
    identity: Buffer.from(built.body),
    encoded: new Map(),
  };
}

/** Bodies up to this size are compressed at once: a trip to the thread pool costs more. */
const COMPRESS_INLINE_UP_TO = 64 * 1024;

function compress(body: Buffer, encoding: Encoding): Promise<Buffer> {
  const brotliOptions = {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 6,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  };
  if (body.length <= COMPRESS_INLINE_UP_TO) {
    return Promise.resolve(
      encoding === 'br'
        ? zlib.brotliCompressSync(body, brotliOptions)
        : zlib.gzipSync(body, { level: 6 }),
    );
  }
  // zlib's async calls run on the thread pool: a big body does not hold up the event loop.
  return encoding === 'br' ? brotli(body, brotliOptions) : gzip(body, { level: 6 });
}

/** The body in the encoding the client accepts, compressed on first use and kept. */
function encodedBody(
  req: Request,
  cached: CachedBody,
): { encoding?: Encoding; body: Promise<Buffer> | Buffer } {
  if (cached.identity.length < COMPRESS_FROM) return { body: cached.identity };
  const accepted = req.acceptsEncodings('br', 'gzip', 'identity');
  if (accepted !== 'br' && accepted !== 'gzip') return { body: cached.identity };
  let body = cached.encoded.get(accepted);
  if (!body) {
    body = compress(cached.identity, accepted);
    cached.encoded.set(accepted, body);
  }
  return { encoding: accepted, body };
}

async function send(req: Request, res: Response, cached: CachedBody): Promise<void> {
  const { encoding, body } = encodedBody(req, cached);
  const bytes = await body;
  res.set(cached.headers).type(cached.type).vary('Accept-Encoding');
  // A string body was UTF-8 encoded: say so, as res.send(string) would have.
  const type = res.get('Content-Type') ?? cached.type;
  if (cached.text && !/charset=/i.test(type)) res.set('Content-Type', `${type}; charset=utf-8`);
  if (encoding) res.set('Content-Encoding', encoding);
  res.send(bytes);
}

/**
 * Serves what `build` makes for a request from memory while the database holds the same
 * seeding: built once per seeding and key (the URL unless `keyOf` says otherwise),
 * compressed once per encoding a client asks for (gzip or brotli; nothing under 1 kB), and
 * sent in the encoding the client accepts.
 * A reseed changes the version and empties the cache. At most `size` bodies are kept,
 * the least recently used going first.
 */
export function seedCached(
  graph: Graph,
  build: (req: Request, res: Response) => Promise<Built>,
  { size = 64, keyOf = (req: Request) => req.originalUrl } = {},
): RequestHandler {
  const version = seedVersionOf(graph);
  let current = '';
  const bodies = new Map<string, Promise<CachedBody>>();
  return async (req, res) => {
    const seen = await version();
    if (seen !== current) {
      bodies.clear();
      current = seen;
    }
    const key = keyOf(req);
    let body = bodies.get(key);
    if (body) {
      bodies.delete(key);
    } else {
      const building = build(req, res).then(cachedBody);
      // A failure is not kept: the next request tries again (and answers its own error).
      building.catch(() => {
        if (bodies.get(key) === building) bodies.delete(key);
      });
      body = building;
    }
    bodies.set(key, body);
    while (bodies.size > size) bodies.delete(bodies.keys().next().value!);
    await send(req, res, await body);
  };
}
