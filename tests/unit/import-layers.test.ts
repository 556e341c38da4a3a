import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers import downwards only (README, "Where things live"): core imports nothing of
 * the others; seed and graph import core; the server imports core and graph; the client
 * imports core. seed/ is a pipeline stage: only scripts/ and tests import it.
 */
const root = path.resolve(__dirname, '../..');
const LAYERS = ['core', 'seed', 'graph', 'server', 'client'] as const;
type Layer = (typeof LAYERS)[number];

const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  core: [],
  seed: ['core'],
  graph: ['core'],
  server: ['core', 'graph'],
  client: ['core'],
};

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(rel);
    return /\.m?ts$/.test(entry.name) ? [rel] : [];
  });
}

/** Every relative import (static, dynamic or re-export) of every source file, as layer → layer. */
function crossings(): { from: string; layer: Layer; to: string }[] {
  return LAYERS.flatMap((layer) =>
    sources(layer).flatMap((file) => {
      const text = readFileSync(path.join(root, file), 'utf8');
      return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].flatMap(([, spec]) => {
        const target = path.normalize(path.join(path.dirname(file), spec!)).split(path.sep)[0]!;
        return target === layer ? [] : [{ from: file, layer, to: target }];
      });
    }),
  );
}

describe('import layers', () => {
  const found = crossings();

  it('finds the imports it checks', () => {
    expect(found.filter((c) => c.layer === 'server' && c.to === 'graph').length).toBeGreaterThan(
      10,
    );
  });

  it.each(LAYERS)('%s imports only the layers below it', (layer) => {
    const wrong = found
      .filter((c) => c.layer === layer && !MAY_IMPORT[layer].includes(c.to as Layer))
      .map((c) => `${c.from} → ${c.to}/`);
    expect(wrong).toEqual([]);
  });
});
