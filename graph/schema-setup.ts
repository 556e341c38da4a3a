import { SHARED_TEXT_KEYS } from '../core/formats/graph-schema';
import { NODE_LABELS } from '../seed/graph-model';
import type { Graph } from './graph';
import { ENTITY } from './queries/entity';

/** Full-text indexes: names, aliases and texts; Japanese through the cjk analyzer. */
export const FULLTEXT_INDEXES = {
  ja: 'kizuna_text_ja',
  en: 'kizuna_text_en',
} as const;

const LABEL_LIST = NODE_LABELS.join('|');

/**
 * Text indexes behind the substring search fallback (CONTAINS on a TEXT index is an
 * index scan, not a label scan); names, refs and titles: the long texts have full-text.
 */
export const TEXT_INDEXED_KEYS = SHARED_TEXT_KEYS;

/**
 * A unique id on the shared Entity label (every lookup by id seeks it), uniqueness
 * constraints on id per label, text indexes and the full-text indexes. Schema commands
 * cannot share a transaction with data writes, so this runs before the load; every
 * statement is IF NOT EXISTS and so idempotent. Labels come from the fixed NODE_LABELS
 * list (schema commands take no parameters for them).
 */
export async function ensureSchema(graph: Graph): Promise<void> {
  for (const label of NODE_LABELS) {
    await graph.write(
      `CREATE CONSTRAINT ${label.toLowerCase()}_id_unique IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
    );
  }
  // After the kind labels: labels(n) lists labels in the order the database first saw
  // them, so in a fresh database labels(n)[0] stays the kind (Agency, not Entity).
  await graph.write(
    `CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:${ENTITY}) REQUIRE n.id IS UNIQUE`,
  );
  // The loader finds its staging nodes by load token and id (see load-graph.ts).
  await graph.write(
    'CREATE INDEX kizuna_staging_load_id IF NOT EXISTS FOR (n:KizunaStaging) ON (n.load, n.id)',
  );
  for (const key of TEXT_INDEXED_KEYS) {
    await graph.write(
      `CREATE TEXT INDEX entity_${key}_text IF NOT EXISTS FOR (n:${ENTITY}) ON (n.${key})`,
    );
  }
  await graph.write(
    `CREATE FULLTEXT INDEX ${FULLTEXT_INDEXES.ja} IF NOT EXISTS
     FOR (n:${LABEL_LIST}) ON EACH [n.name_ja, n.aliases_text, n.text_ja, n.title_ja]
     OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'cjk' } }`,
  );
  await graph.write(
    `CREATE FULLTEXT INDEX ${FULLTEXT_INDEXES.en} IF NOT EXISTS
     FOR (n:${LABEL_LIST}) ON EACH [n.name_en, n.text_en, n.title_en, n.aliases_text]
     OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'english' } }`,
  );
  await graph.write('CALL db.awaitIndexes(60)');
}
