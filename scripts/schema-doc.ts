/**
 * npm run docs:schema: rewrites docs/schema.md's counts and layer tables from the model the
 * seed builds (no database), and names the labels and types it added a row for, whose
 * words are still to write. tests/unit/schema-doc.test.ts fails until it has been run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './neo4j/bundled-paths';
import { writeSchemaCounts } from './schema-doc-counts';
import { readSeedInputs } from './seed-inputs';

const file = path.join(repoRoot, 'docs', 'schema.md');
const before = readFileSync(file, 'utf8');
const { doc, undescribed } = writeSchemaCounts(before, readSeedInputs().model);
if (doc !== before) writeFileSync(file, doc);
console.log(
  doc === before ? 'docs/schema.md: counts are current.' : 'docs/schema.md: counts rewritten.',
);
for (const name of undescribed)
  console.log(`docs/schema.md: a row for ${name} was added; describe it there.`);
