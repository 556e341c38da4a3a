import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Request, RequestHandler, Response } from 'express';
import type { Graph } from '../../graph/graph';
import { seedVersionOf } from '../http/data-version';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** A response body as built once per seeding: plain and compressed, with its headers. */
interface CachedBody {
  type: string;
  /** A string body is UTF-8 text; bytes (a zip) carry no charset. */
  text: boolean;
  headers: Record<string, string>;
  identity: Buffer;
  /** Absent for a body under COMPRESS_FROM: compressing it costs more than the bytes it saves. */
  gzip?: Buffer;
  br?: Buffer;
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

async function compressOnce(built: Built): Promise<CachedBody> {
  const identity = Buffer.from(built.body);
  const text = typeof built.body === 'string';
  const plain = { type: built.type, text, headers: built.headers ?? {}, identity };
  if (identity.length < COMPRESS_FROM) return plain;
  // zlib's async calls run on the thread pool: a big body does not hold up the event loop.
  const [gz, br] = await Promise.all([
    gzip(identity, { level: 6 }),
    brotli(identity, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 6,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
  ]);
  return { ...plain, gzip: gz, br };
}

function send(req: Request, res: Response, cached: CachedBody): void {
  const encoding = cached.gzip ? req.acceptsEncodings('br', 'gzip', 'identity') : 'identity';
  const body =
    (encoding === 'br' ? cached.br : encoding === 'gzip' ? cached.gzip : undefined) ??
    cached.identity;
  res.set(cached.headers).type(cached.type).vary('Accept-Encoding');
  // A string body was UTF-8 encoded: say so, as res.send(string) would have.
  const type = res.get('Content-Type') ?? cached.type;
  if (cached.text && !/charset=/i.test(type)) res.set('Content-Type', `${type}; charset=utf-8`);
  if (encoding === 'br' || encoding === 'gzip') res.set('Content-Encoding', encoding);
  res.send(body);
}

/**
 * Serves what `build` makes for a request from memory while the database holds the same
 * seeding: built once per seeding and key (the URL unless `keyOf` says otherwise),
 * compressed once with gzip and brotli, and sent in the encoding the client accepts.
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
      const building = build(req, res).then(compressOnce);
      // A failure is not kept: the next request tries again (and answers its own error).
      building.catch(() => {
        if (bodies.get(key) === building) bodies.delete(key);
      });
      body = building;
    }
    bodies.set(key, body);
    while (bodies.size > size) bodies.delete(bodies.keys().next().value!);
    send(req, res, await body);
  };
}
