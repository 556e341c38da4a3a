import { NODE_LABELS } from '../seed/graph-model';
import type { Graph } from './graph';

/** Full-text indexes: names, aliases and texts; Japanese through the cjk analyzer. */
export const FULLTEXT_INDEXES = {
  ja: 'kizuna_text_ja',
  en: 'kizuna_text_en',
} as const;

const LABEL_LIST = NODE_LABELS.join('|');

/**
 * Uniqueness constraints on id per label, and the full-text indexes. Schema commands
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
