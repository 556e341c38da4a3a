import recorded from './dataset-version.json';

/**
 * What makes the Kizuna graph a citable dataset: its name, its version, the fingerprint of
 * the data that version stands for, how to cite it, and where its source comes from and
 * on what terms. Every export carries these (core/formats/**), and so do CITATION.cff and
 * the dataset bundle. Plain data and pure functions: the server and the browser share them.
 *
 * The version is semver and is bumped whenever the data change (`npm run dataset:version`):
 * MAJOR when a label, relationship type or property changes meaning or goes away, MINOR
 * when data are added or corrected, PATCH for changes a query cannot tell apart (wording of
 * an English text, say). core/dataset-version.json records the fingerprint of the source and
 * curated files the version was cut from (scripts/seed-inputs.ts computes it, and the loader
 * stores it on the Plan node as seed_fingerprint); a unit test fails when the two differ.
 */

/** The plan's id in the graph (the Plan node's `id`, the prefix of every commitment's). */
export const PLAN_ID = 'jp-mn-2022';

export const DATASET_ID = `kizuna-${PLAN_ID}`;

export const DATASET_TITLE =
  'Kizuna: the Japan–Mongolia Action Plan (2022–2031) as a knowledge graph';

/** Who the citation names: the project, as an entity (CFF allows institutions and teams). */
export const DATASET_AUTHOR = 'The Kizuna project';

/** What the dataset is, in a paragraph: CITATION.cff's abstract, Zenodo's description. */
export const DATASET_ABSTRACT =
  'The Japanese text of the Japan–Mongolia Action Plan (2022–2031) parsed into a typed property graph of commitments, agencies, agreements, programmes, frameworks, countries, places and themes, in which every node and relationship carries the words of the plan it was read from. The program code is MIT-licensed; the data are CC BY 4.0; the source document is the Government of Japan’s, used under the terms its publisher states.';

/** Subject keywords, as CITATION.cff and .zenodo.json list them. */
export const DATASET_KEYWORDS = [
  'Japan',
  'Mongolia',
  'foreign policy',
  'knowledge graph',
  'Neo4j',
] as const;

export const DATASET_LICENSE = {
  /** Kizuna's own curation, translation and structure. */
  data: { spdx: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  /** The program code (LICENSE at the repository's root). */
  code: { spdx: 'MIT', url: 'https://opensource.org/license/mit' },
} as const;

/**
 * The document the graph is read from. The Ministry of Foreign Affairs of Japan published
 * it; the copy linked here is the Embassy of Mongolia in Tokyo's publication of the same
 * Japanese text (MOFA's own page for the plan could not be found in the sources searched,
 * so no MOFA address is given for it rather than a guessed one).
 */
export const DATASET_SOURCE = {
  title_ja:
    '共同声明付属文書 平和と繁栄のための特別な戦略的パートナーシップのための日本とモンゴルの行動計画（2022年～2031年）',
  title_en:
    'Japan–Mongolia Action Plan (2022–2031) for the Special Strategic Partnership for Peace and Prosperity, annex to the joint statement of 29 November 2022',
  publisher: 'Ministry of Foreign Affairs of Japan',
  date: '2022-11-29',
  url: 'https://tokyo.embassy.mn/post/1354',
  /** The day the embassy posted the text (the page's own date). */
  published: '2022-11-30',
  /** The day this project last checked that page against seed/source (a stored copy of it). */
  accessed: '2026-12-07',
  /** The joint statement the plan is annexed to, in a research database that names MOFA as its source. */
  statementUrl: 'https://worldjpn.net/documents/texts/JPMN/20221129.D1J.html',
  /** MOFA's legal notices: its content is under the Public Data License 1.0 unless marked otherwise. */
  termsUrl: 'https://www.mofa.go.jp/about/legalmatters.html',
  terms: 'Public Data License (Version 1.0), per MOFA’s legal notices',
} as const;

/** A dataset version: what the version file records, or what a database was seeded from. */
export interface DatasetStamp {
  id: string;
  version: string;
  /** SHA-256 over the source and curated files (scripts/seed-inputs.ts). */
  fingerprint: string;
  released: string;
  citation: string;
  sourceUrl: string;
  license: string;
}

/** The version this checkout's data were released as. */
export const DATASET_VERSION: string = recorded.version;
export const DATASET_FINGERPRINT: string = recorded.fingerprint;
export const DATASET_RELEASED: string = recorded.released;

/** The fingerprint's short form, as in a citation: the first 12 hex digits. */
export function shortFingerprint(fingerprint: string): string {
  return fingerprint.slice(0, 12);
}

/**
 * The version to cite for data with this fingerprint. Data that are not the recorded
 * release (a database seeded from edited files) keep the release's number with semver
 * build metadata, so the file says it is not that release: 1.2.0+data.9a7ddacb2a68.
 */
export function versionFor(fingerprint: string): string {
  return fingerprint === DATASET_FINGERPRINT || fingerprint === ''
    ? DATASET_VERSION
    : `${DATASET_VERSION}+data.${shortFingerprint(fingerprint)}`;
}

/** One line to cite the dataset by, in the usual author (year). title (version) [type] form. */
export function citationText(version: string, fingerprint: string): string {
  const year = DATASET_RELEASED.slice(0, 4);
  return `${DATASET_AUTHOR} (${year}). ${DATASET_TITLE} (version ${version}, data fingerprint sha256:${shortFingerprint(fingerprint)}) [Data set]. Source: ${DATASET_SOURCE.title_en}, ${DATASET_SOURCE.publisher}, ${DATASET_SOURCE.url}. Licence: ${DATASET_LICENSE.data.spdx}.`;
}

/**
 * The stamp for data with the given fingerprint (what the database was seeded from), or
 * for the recorded release when none is known (a browser export of what it has drawn).
 */
export function datasetStamp(fingerprint: string = DATASET_FINGERPRINT): DatasetStamp {
  const version = versionFor(fingerprint);
  return {
    id: DATASET_ID,
    version,
    fingerprint,
    released: DATASET_RELEASED,
    citation: citationText(version, fingerprint),
    sourceUrl: DATASET_SOURCE.url,
    license: DATASET_LICENSE.data.spdx,
  };
}

/** The label of the one node that says, in the database itself, which data it holds. */
export const DATASET_LABEL = 'Dataset';

/**
 * The properties of the :Dataset node the loader writes beside the plan (graph/load-graph.ts;
 * `built_at` is the load's own time, added there): version, fingerprint, licence, citation
 * and source, so that a query's answer can say which release it came from.
 */
export function datasetNodeProperties(fingerprint: string): Record<string, string> {
  const stamp = datasetStamp(fingerprint);
  return {
    id: DATASET_ID,
    plan_id: PLAN_ID,
    title: DATASET_TITLE,
    version: stamp.version,
    fingerprint,
    released: DATASET_RELEASED,
    license: DATASET_LICENSE.data.spdx,
    license_url: DATASET_LICENSE.data.url,
    citation: stamp.citation,
    source_title_ja: DATASET_SOURCE.title_ja,
    source_title_en: DATASET_SOURCE.title_en,
    source_publisher: DATASET_SOURCE.publisher,
    source_date: DATASET_SOURCE.date,
    source_url: DATASET_SOURCE.url,
    source_published: DATASET_SOURCE.published,
    source_accessed: DATASET_SOURCE.accessed,
    source_terms: DATASET_SOURCE.terms,
  };
}

/**
 * The footer line a diagram (SVG, PNG, PDF) carries: short enough for one line on a slide,
 * complete enough to find the data again.
 */
export function citationFooter(stamp: DatasetStamp, lang: 'ja' | 'en'): string {
  const fp = shortFingerprint(stamp.fingerprint);
  return lang === 'ja'
    ? `Kizuna ${DATASET_ID} v${stamp.version}（sha256:${fp}）｜出典：外務省「日本とモンゴルの行動計画（2022年～2031年）」 ${stamp.sourceUrl} を加工して作成｜${stamp.license}`
    : `Kizuna ${DATASET_ID} v${stamp.version} (sha256:${fp}) | Source: MOFA Japan, Japan–Mongolia Action Plan 2022–2031, ${stamp.sourceUrl}, edited | ${stamp.license}`;
}

/** What a file name may hold: lower-case letters, digits, '.', '+', '_' and '-'. */
function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9.+_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'view'
  );
}

/**
 * kizuna-jp-mn-2022-v<version>-<view>-<date>: what every export's file name starts with.
 * The version's build metadata ("+data.…") is kept, since it says the file is not the release.
 */
export function datasetBasename(
  view: string,
  date: string,
  version: string = DATASET_VERSION,
): string {
  return `${DATASET_ID}-v${version}-${slug(view)}-${date}`;
}

/** The base name and extension, e.g. kizuna-jp-mn-2022-v1.0.0-plan-2026-11-30.graphml. */
export function datasetFilename(
  view: string,
  date: string,
  extension: string,
  version: string = DATASET_VERSION,
): string {
  return `${datasetBasename(view, date, version)}.${extension}`;
}
