import { OPERATIVE_STATUSES } from '../core/model/curation-vocabulary';
import type { Entity, Gazetteer } from './gazetteer';

/**
 * Finds every gazetteer alias in a commitment's text and types the relationship it
 * stands for. The rules are documented in docs/linking.md; in short:
 * - scanning is longest-match, left to right, non-overlapping, so 国際連合平和維持活動
 *   is UN peacekeeping, not the UN; a stop phrase (日本語) is consumed and links nothing;
 * - a side phrase (日本企業, 日本人) links the country whose side it names, as a name would;
 * - an alias shared by several entities (外務省 said of both ministries at once) links each;
 * - an agreement UNDERPINS the commitment when a cue follows it (に基づく, の下で, の実施…);
 *   one the plan only works towards (status under consideration or negotiation) gets
 *   WORKS_TOWARDS; any other mention is the weaker REFERS_TO;
 * - an agency or country is INVOLVED with a role read from the particle after it.
 */

export interface Mention {
  alias: string;
  start: number;
  end: number;
  /** Empty for a stop phrase. */
  entities: Entity[];
}

export type AliasIndex = Map<string, Entity[]>;

export function buildAliasIndex(gazetteer: Gazetteer): AliasIndex {
  const index: AliasIndex = new Map();
  for (const entity of gazetteer.entities) {
    for (const alias of entity.aliases) {
      const existing = index.get(alias) ?? [];
      if (!existing.includes(entity)) existing.push(entity);
      index.set(alias, existing);
    }
  }
  for (const stop of gazetteer.stop_phrases) if (!index.has(stop.text)) index.set(stop.text, []);
  for (const side of gazetteer.side_phrases) {
    const entity = gazetteer.entities.find((e) => e.id === side.entity);
    if (entity && !index.has(side.text)) index.set(side.text, [entity]);
  }
  return index;
}

/** Longest alias starting at each position, left to right; matches never overlap. */
export function findMentions(text: string, index: AliasIndex): Mention[] {
  const aliases = [...index.keys()].sort((a, b) => b.length - a.length);
  const byFirstChar = new Map<string, string[]>();
  for (const alias of aliases) {
    const first = alias[0]!;
    byFirstChar.set(first, [...(byFirstChar.get(first) ?? []), alias]);
  }
  const mentions: Mention[] = [];
  let i = 0;
  while (i < text.length) {
    const alias = byFirstChar.get(text[i]!)?.find((candidate) => text.startsWith(candidate, i));
    if (alias) {
      mentions.push({ alias, start: i, end: i + alias.length, entities: index.get(alias)! });
      i += alias.length;
    } else {
      i++;
    }
  }
  return mentions;
}

/** The grammatical reading of a mention: what the particle after it says (stored as grammatical_role). */
export type Role = 'actor' | 'recipient' | 'partner' | 'location' | 'subject' | 'mentioned';

export const ROLE_CUES: [string, Role][] = [
  ['による', 'actor'],
  ['が', 'actor'],
  ['は', 'actor'],
  ['への', 'recipient'],
  ['に対する', 'recipient'],
  ['に対し', 'recipient'],
  ['との', 'partner'],
  ['間', 'partner'],
  ['と', 'partner'],
  ['における', 'location'],
  ['国内', 'location'],
  // モンゴル国内での: the alias モンゴル国 takes the 国 of 国内, leaving 内で.
  ['内で', 'location'],
  ['の', 'subject'],
];

export const UNDERPINNING_CUES = [
  'に基づく',
  'に基づいた',
  'に基づき',
  'の下で',
  'の実施',
  'の着実な実施',
  'のより円滑な実施',
  'の活用',
];

// と is not among them: after an actor it means "with" (経済産業省とモンゴル国外務省), a partner.
const COORDINATORS = ['及び', '並びに', '、', '・'];
const CLOSING_QUOTES = /^[」』]+/;
const BRACKETED = /^[(（][^)）]*[)）]/;

/** The text right after a mention, past closing quotes and one bracketed aside such as (以下「…」という。). */
function textAfter(text: string, end: number): string {
  let rest = text.slice(end).replace(CLOSING_QUOTES, '');
  rest = rest.replace(BRACKETED, '');
  return rest;
}

/** The next mention of a kind when only a coordinator (及び, 、 …) and quotes stand between. */
function coordinatedNext(
  text: string,
  mention: Mention,
  mentions: Mention[],
  kinds: Entity['kind'][],
): Mention | undefined {
  const after = text.slice(mention.end).replace(CLOSING_QUOTES, '');
  if (!COORDINATORS.some((c) => after.startsWith(c))) return undefined;
  const next = mentions.find(
    (m) => m.start >= mention.end && m.entities.some((e) => kinds.includes(e.kind)),
  );
  if (!next) return undefined;
  const between = text.slice(mention.end, next.start);
  // Agreements are coordinated as whole quoted titles: 「…覚書」及び「…覚書」に基づく.
  const quoted = /^[」』]*(及び|並びに|、)「[^」]*$/.test(between);
  const adjacent = /^[」』]*(及び|並びに|、|・)$/.test(between);
  return quoted || adjacent ? next : undefined;
}

export function roleOf(text: string, mention: Mention, mentions: Mention[]): Role {
  return roleReading(text, mention, mentions).role;
}

/**
 * The grammatical role and where the words that decide it end: past the cue of the last
 * coordinated name (日本・モンゴル・米国による ends after による), or the mention itself.
 */
export function roleReading(
  text: string,
  mention: Mention,
  mentions: Mention[],
): { role: Role; end: number } {
  const next = coordinatedNext(text, mention, mentions, ['Agency', 'Country']);
  if (next) return roleReading(text, next, mentions);
  const rest = textAfter(text, mention.end);
  const found = ROLE_CUES.find(([cue]) => rest.startsWith(cue));
  if (!found) return { role: 'mentioned', end: mention.end };
  const skipped = text.length - mention.end - rest.length;
  return { role: found[1], end: mention.end + skipped + found[0].length };
}

export type AgreementLink =
  | { type: 'UNDERPINS'; cue: string }
  | { type: 'WORKS_TOWARDS'; cue: null }
  | { type: 'REFERS_TO'; cue: null };

export function agreementLinkOf(
  text: string,
  mention: Mention,
  mentions: Mention[],
  entity: Entity,
): AgreementLink {
  const cue = underpinningCue(text, mention, mentions);
  if (cue) return { type: 'UNDERPINS', cue };
  if (
    entity.kind === 'Agreement' &&
    !(OPERATIVE_STATUSES as readonly (string | undefined)[]).includes(entity.status_in_plan)
  )
    return { type: 'WORKS_TOWARDS', cue: null };
  return { type: 'REFERS_TO', cue: null };
}

function underpinningCue(text: string, mention: Mention, mentions: Mention[]): string | undefined {
  // A defined abbreviation, (以下「日・モンゴルEPA」という。), takes the cue of the title it abbreviates.
  if (text.slice(0, mention.start).endsWith('以下「')) {
    const defined = [...mentions]
      .reverse()
      .find((m) => m.end <= mention.start && m.entities.some((e) => mention.entities.includes(e)));
    if (defined) return underpinningCue(text, defined, mentions);
  }
  const rest = textAfter(text, mention.end);
  const cue = UNDERPINNING_CUES.find((c) => rest.startsWith(c));
  if (cue) return cue;
  const next = coordinatedNext(text, mention, mentions, ['Agreement']);
  return next ? underpinningCue(text, next, mentions) : undefined;
}

export type LinkType =
  | 'UNDERPINS'
  | 'WORKS_TOWARDS'
  | 'REFERS_TO'
  | 'INVOLVES'
  | 'IMPLEMENTED_VIA'
  | 'ALIGNS_WITH'
  | 'CONCERNS';

export interface Link {
  type: LinkType;
  entity: Entity;
  evidence: string;
  evidence_start: number;
  evidence_end: number;
  /** The grammatical role (Agency, Country), read from the particle. */
  role: Role | null;
  /** Where the words deciding the role end (evidence_start to here); null without a role. */
  role_end: number | null;
  cue: string | null;
}

/** Every relationship a text's mentions stand for, one per entity per occurrence. */
export function linkText(text: string, index: AliasIndex): Link[] {
  const mentions = findMentions(text, index);
  const links: Link[] = [];
  for (const mention of mentions) {
    for (const entity of mention.entities) {
      const base = {
        entity,
        evidence: mention.alias,
        evidence_start: mention.start,
        evidence_end: mention.end,
        role: null,
        role_end: null,
        cue: null,
      };
      switch (entity.kind) {
        case 'Agreement':
          links.push({ ...base, ...agreementLinkOf(text, mention, mentions, entity) });
          break;
        case 'Agency':
        case 'Country': {
          const reading = roleReading(text, mention, mentions);
          links.push({ ...base, type: 'INVOLVES', role: reading.role, role_end: reading.end });
          break;
        }
        case 'Program':
          links.push({ ...base, type: 'IMPLEMENTED_VIA' });
          break;
        case 'Framework':
          links.push({ ...base, type: 'ALIGNS_WITH' });
          break;
        case 'Place':
          links.push({ ...base, type: 'CONCERNS' });
          break;
      }
    }
  }
  return links;
}
