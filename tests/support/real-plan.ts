import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCuration } from '../../seed/curation';
import { parseGazetteer } from '../../seed/gazetteer';
import { parsePlan } from '../../seed/parse-plan';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const json = (file: string): unknown => JSON.parse(read(file));

/** The real document and curated data, read once for the unit tests. */
export const source = read('seed/source/action-plan-2022-2031.ja.txt');
export const sharedSeed = path.join(root, '..', 'shared', 'seeds', '000_c25c8a0bdb31b3fe.txt');
export const plan = parsePlan(source);
export const gazetteerJson = json('seed/data/gazetteer.json');
export const gazetteer = parseGazetteer(gazetteerJson);
export const curationJson = {
  commitments: json('seed/data/commitments.json'),
  planEn: json('seed/data/plan-en.json'),
  targets: json('seed/data/targets.json'),
};
export const curation = parseCuration(curationJson);
/** Source line n (1-based), as in the file. */
export const sourceLine = (n: number) => source.split('\n')[n - 1]!;
