import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { GraphModel } from '../core/model/graph-model';
import { buildGraph } from '../seed/build-graph';
import { parseCuration } from '../seed/curation';
import { CurationError, parseGazetteer } from '../seed/gazetteer';
import { parsePlan } from '../seed/parse-plan';
import type { Plan } from '../seed/plan-model';
import { repoRoot } from './neo4j/bundled-paths';

export const DEFAULT_SOURCE = path.join(repoRoot, 'seed', 'source', 'action-plan-2022-2031.ja.txt');
export const DEFAULT_DATA_DIR = path.join(repoRoot, 'seed', 'data');

export interface SeedInputs {
  source: string;
  sourceSha256: string;
  /** Changes when the source or any curated file changes: npm start reseeds then. */
  fingerprint: string;
  plan: Plan;
  model: GraphModel;
}

function readJson(file: string, hash: ReturnType<typeof createHash>): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CurationError(
      `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
    );
  }
  hash.update(text);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CurationError(`${file}: is not valid JSON (${(error as Error).message}).`);
  }
}

/**
 * Bumped when the seed's code builds a different graph from the same files (a derived
 * property added, say); part of the fingerprint. 2: every node's `search_key`; 3: the preamble's
 * parties (UNDERTAKEN_BY).
 */
export const MODEL_REVISION = 3;

/** Reads the source document and curated data, and builds the graph: no database involved. */
export function readSeedInputs(
  sourceFile = DEFAULT_SOURCE,
  dataDir = DEFAULT_DATA_DIR,
): SeedInputs {
  let source: string;
  try {
    source = readFileSync(sourceFile, 'utf8');
  } catch (error) {
    throw new CurationError(
      `${sourceFile}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
    );
  }
  const plan = parsePlan(source);
  const fingerprint = createHash('sha256').update(source);
  const file = (name: string) => path.join(dataDir, name);
  const gazetteer = parseGazetteer(
    readJson(file('gazetteer.json'), fingerprint),
    file('gazetteer.json'),
  );
  const curation = parseCuration({
    commitments: readJson(file('commitments.json'), fingerprint),
    planEn: readJson(file('plan-en.json'), fingerprint),
    targets: readJson(file('targets.json'), fingerprint),
  });
  // The curated events are part of the dataset too: a change to them is a new version.
  if (existsSync(file('events.json'))) fingerprint.update(readFileSync(file('events.json')));
  // What the seed derives from the same files changes too (search_key, for one): a new
  // revision makes a database seeded by the older code reseed, and is a new version.
  fingerprint.update(`model-revision:${MODEL_REVISION}`);
  const model = buildGraph({ source, plan, gazetteer, curation });
  return {
    source,
    sourceSha256: createHash('sha256').update(source).digest('hex'),
    fingerprint: fingerprint.digest('hex'),
    plan,
    model,
  };
}
