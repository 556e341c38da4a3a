import {
  type AssertedBy,
  type SemanticRole,
  THEMES,
  type ThemeId,
} from '../core/model/curation-vocabulary';
import type { GraphModel, NodeRef, Properties } from '../core/model/graph-model';
import type { CommitmentCuration, Curation } from './curation';
import { checkAgainstSource, checkCuration, checkRoleCuration } from './curation-checks';
import { CurationError, type Entity, type Gazetteer } from './gazetteer';
import { GraphBuilder, ref } from './graph-builder';
import {
  type AliasIndex,
  buildAliasIndex,
  findMentions,
  type Link,
  linkText,
  type Role,
} from './link-mentions';
import { allCommitments, type Commitment, type Plan } from './plan-model';

export interface BuildInput {
  /** The source document's text, against which every quoted string is checked. */
  source: string;
  plan: Plan;
  gazetteer: Gazetteer;
  curation: Curation;
}

const JOINT_STATEMENT_TYPE = 'joint_statement';

/**
 * Builds the whole graph from the parsed plan and the curated data, checking first that
 * everything quoted (aliases, evidence, verbs) is really in the document and that the
 * curation covers exactly the plan's commitments. Throws CurationError naming the entry.
 */
export function buildGraph({ source, plan, gazetteer, curation }: BuildInput): GraphModel {
  const commitments = allCommitments(plan);
  checkAgainstSource(source, gazetteer);
  const curated = checkCuration(commitments, curation);
  const graph = new GraphBuilder();
  const planRef = addPlan(graph, plan, curation.english);
  addPillarsAndAreas(graph, plan, curation.english, planRef);
  addCommitments(graph, plan, commitments, curated);
  addThemes(graph);
  addTargets(graph, plan, commitments, curation.targets);
  addEntities(graph, gazetteer);
  const index = buildAliasIndex(gazetteer);
  addMentions(graph, commitments, curated, index);
  addAnnex(graph, plan, gazetteer, index, planRef);
  addPreambleParties(graph, plan, commitments, gazetteer);
  return graph.finish();
}

type Curated = ReturnType<typeof checkCuration>;
type English = Curation['english'];

/** The plan itself: its titles, period, adoption day and preamble. */
function addPlan(graph: GraphBuilder, plan: Plan, english: English): NodeRef {
  return graph.node('Plan', plan.id, {
    title_ja: plan.title_ja,
    title_en: english.plan.title_en,
    name_ja: plan.title_ja,
    name_en: english.plan.title_en,
    annex_label_ja: plan.annex_label_ja,
    annex_label_en: english.plan.annex_label_en,
    period_start: plan.period.start,
    period_end: plan.period.end,
    period_evidence: `${plan.period.start}年～${plan.period.end}年`,
    adopted: plan.adopted,
    adopted_precision: 'day',
    adopted_evidence: adoptedEvidence(plan.adopted),
    preamble_ja: plan.preamble_ja,
    preamble_en: english.plan.preamble_en,
  });
}

/** The four pillars and eleven areas, each part of the one above it, with their headings as evidence. */
function addPillarsAndAreas(
  graph: GraphBuilder,
  plan: Plan,
  english: English,
  planRef: NodeRef,
): void {
  for (const pillar of plan.pillars) {
    const titleEn = english.pillars.find((p) => p.ref === pillar.ref)?.title_en;
    if (!titleEn)
      throw new CurationError(
        `seed/data/plan-en.json: pillars: no English title for pillar ${pillar.ref}.`,
      );
    const pillarRef = graph.node('Pillar', pillar.id, {
      ref: pillar.ref,
      ordinal: pillar.ordinal,
      title_ja: pillar.title_ja,
      title_en: titleEn,
      name_ja: pillar.title_ja,
      name_en: titleEn,
      line_start: pillar.line,
      line_end: pillar.line,
    });
    graph.relate('PART_OF', pillarRef, planRef, {
      evidence: `${pillar.ref} ${pillar.title_ja}`,
      evidence_line: pillar.line,
    });
    for (const area of pillar.areas) {
      const areaEn = english.areas.find((a) => a.ref === area.ref)?.title_en;
      if (!areaEn)
        throw new CurationError(
          `seed/data/plan-en.json: areas: no English title for area ${area.ref}.`,
        );
      const areaRef = graph.node('Area', area.id, {
        ref: area.ref,
        ordinal: area.ordinal,
        pillar_ref: pillar.ref,
        title_ja: area.title_ja,
        title_en: areaEn,
        name_ja: area.title_ja,
        name_en: areaEn,
        line_start: area.line,
        line_end: area.line,
      });
      graph.relate('PART_OF', areaRef, pillarRef, {
        evidence: `${area.ordinal} ${area.title_ja}`,
        evidence_line: area.line,
      });
    }
  }
}

/** Every commitment with its curated English, verb and times, part of its area or parent, tagged with its themes. */
function addCommitments(
  graph: GraphBuilder,
  plan: Plan,
  commitments: Commitment[],
  curated: Curated,
): void {
  const byRef = new Map(commitments.map((c) => [c.ref, c]));
  for (const commitment of commitments) {
    const c = curated.get(commitment.ref)!;
    const self = graph.node('Commitment', commitment.id, {
      ref: commitment.ref,
      plan_id: plan.id,
      pillar_ref: commitment.ref.split('.')[0]!,
      area_ref: commitment.area_ref,
      parent_ref: commitment.parent_ref,
      level: commitment.parent_ref ? 'sub-commitment' : 'commitment',
      text_ja: commitment.text_ja,
      text_en: c.text_en,
      title_ja: c.title_ja,
      title_en: c.title_en,
      name_ja: c.title_ja,
      name_en: c.title_en,
      action: c.action,
      action_ja: c.action_ja,
      ...spanProperties('action', commitment.text_ja, c.action_ja, 'text'),
      soft: c.soft,
      // soft is read from the same verb: 検討, 意見交換 … make a commitment soft.
      ...spanProperties('soft', commitment.text_ja, c.action_ja, 'text'),
      ...directionProperties(commitment, c),
      ...timeProperties(commitment, c),
      line_start: commitment.line_start,
      line_end: commitment.line_end,
    });
    if (commitment.parent_ref) {
      const parent = byRef.get(commitment.parent_ref)!;
      graph.relate('PART_OF', self, ref('Commitment', parent.id), {
        evidence: parent.text_ja,
        evidence_line: parent.line_start,
      });
    } else {
      const area = plan.pillars.flatMap((p) => p.areas).find((a) => a.ref === commitment.area_ref)!;
      graph.relate('PART_OF', self, ref('Area', area.id), {
        evidence: `${area.ordinal} ${area.title_ja}`,
        evidence_line: area.line,
      });
    }
    for (const theme of c.themes) {
      const start = commitment.text_ja.indexOf(theme.evidence);
      graph.relate('TAGGED', self, ref('Theme', themeId(theme.theme)), {
        evidence: theme.evidence,
        evidence_start: start,
        evidence_end: start + theme.evidence.length,
        asserted_by: theme.asserted_by,
      });
    }
  }
}

/** The curated themes the commitments are tagged with. */
function addThemes(graph: GraphBuilder): void {
  for (const [theme, nameJa] of Object.entries(THEMES)) {
    graph.node('Theme', themeId(theme as ThemeId), {
      name_en: theme.replace(/_/g, ' '),
      name_ja: nameJa,
      aliases: [],
    });
  }
}

/** The numbers the plan sets (people trained, years), each quoted from its commitment. */
function addTargets(
  graph: GraphBuilder,
  plan: Plan,
  commitments: Commitment[],
  targets: Curation['targets'],
): void {
  const byRef = new Map(commitments.map((c) => [c.ref, c]));
  for (const target of targets) {
    const commitment = byRef.get(target.ref)!;
    const start = commitment.text_ja.indexOf(target.evidence);
    const id = `${plan.id}/target/${target.id}`;
    const targetRef = graph.node('Target', id, {
      quantity: target.quantity,
      approximate: target.approximate,
      unit: target.unit,
      unit_ja: target.unit_ja,
      period_years: target.period_years,
      evidence: target.evidence,
      name_ja: target.evidence,
      name_en: `${target.approximate ? 'about ' : ''}${target.quantity.toLocaleString('en')} ${target.unit}${target.period_years ? ` in ${target.period_years} years` : ''}`,
    });
    graph.relate('SETS', ref('Commitment', commitment.id), targetRef, {
      evidence: target.evidence,
      evidence_start: start,
      evidence_end: start + target.evidence.length,
    });
  }
}

/** The gazetteer's entities, the bodies they belong to, and the parties to each agreement. */
function addEntities(graph: GraphBuilder, gazetteer: Gazetteer): void {
  for (const entity of gazetteer.entities) {
    graph.node(entity.kind, entity.id, entityProperties(entity));
  }
  const entityRef = (id: string): NodeRef => {
    const entity = gazetteer.entities.find((e) => e.id === id)!;
    return ref(entity.kind, entity.id);
  };
  for (const entity of gazetteer.entities) {
    if (entity.parent) {
      graph.relate('BELONGS_TO', ref(entity.kind, entity.id), entityRef(entity.parent.id), {
        evidence: entity.parent.evidence,
        basis: entity.parent.basis,
      });
    }
    if (entity.kind === 'Agreement') {
      // A revision or renewal a public record gives points at the instrument it replaces;
      // the plan's own mentions keep pointing at the instrument the plan names.
      for (const [type, link] of [
        ['SUPERSEDES', entity.supersedes],
        ['RENEWS', entity.renews],
      ] as const) {
        if (link)
          graph.relate(type, ref('Agreement', entity.id), entityRef(link.id), {
            date: link.date,
            source: link.source,
            asserted_by: 'record',
          });
      }
      for (const party of entity.parties) {
        graph.relate('PARTY_TO', entityRef(party.id), ref('Agreement', entity.id), {
          evidence: party.evidence,
          asserted_by: party.asserted_by,
          source: party.source ?? null,
        });
      }
    }
  }
}

/** Each entity a commitment's text names, linked with the words that name it and its role. */
function addMentions(
  graph: GraphBuilder,
  commitments: Commitment[],
  curated: Curated,
  index: AliasIndex,
): void {
  for (const commitment of commitments) {
    const self = ref('Commitment', commitment.id);
    const c = curated.get(commitment.ref)!;
    const links = linkText(commitment.text_ja, index);
    checkRoleCuration(commitment, c, links);
    for (const link of links) {
      const properties: Properties = {
        evidence: link.evidence,
        evidence_start: link.evidence_start,
        evidence_end: link.evidence_end,
      };
      if (link.role) Object.assign(properties, roleProperties(commitment, c, link, link.role));
      if (link.cue) properties.cue = link.cue;
      const other = ref(link.entity.kind, link.entity.id);
      if (link.type === 'UNDERPINS') graph.relate('UNDERPINS', other, self, properties);
      else graph.relate(link.type, self, other, properties);
    }
  }
}

/** The plan is the annex of the joint statement its heading and preamble name. */
function addAnnex(
  graph: GraphBuilder,
  plan: Plan,
  gazetteer: Gazetteer,
  index: AliasIndex,
  planRef: NodeRef,
): void {
  const annexOf = gazetteer.entities.filter(
    (e) => e.kind === 'Agreement' && e.agreement_type === JOINT_STATEMENT_TYPE,
  );
  for (const mention of findMentions(plan.preamble_ja, index)) {
    for (const statement of mention.entities.filter((e) => annexOf.includes(e))) {
      graph.relate('ANNEX_OF', planRef, ref('Agreement', statement.id), {
        evidence: mention.alias,
        evidence_field: 'preamble_ja',
        evidence_start: mention.start,
        evidence_end: mention.end,
        annex_label_ja: plan.annex_label_ja,
      });
    }
  }
}

/**
 * The plan's opening names the parties to everything it lists: 「…普遍的価値を共有する日本と
 * モンゴルは、…。このため、両国は以下の分野における個別の協力を推進していくことを確認する」.
 * So every commitment is undertaken by both countries, whether or not its own words name who
 * acts; these relationships say so, asserted by the preamble, apart from the actors a
 * commitment's text names (INVOLVES with role actor), so that either can be counted.
 */
const PREAMBLE_PARTIES = {
  evidence: '両国は以下の分野における個別の協力を推進していくことを確認する',
  /** Where the preamble names the two countries 両国 stands for. */
  named: '日本とモンゴルは',
  parties: [
    { id: 'japan', name: '日本' },
    { id: 'mongolia', name: 'モンゴル' },
  ],
} as const;

function addPreambleParties(
  graph: GraphBuilder,
  plan: Plan,
  commitments: Commitment[],
  gazetteer: Gazetteer,
): void {
  const preamble = plan.preamble_ja;
  const start = preamble.indexOf(PREAMBLE_PARTIES.evidence);
  const named = preamble.indexOf(PREAMBLE_PARTIES.named);
  if (start === -1 || named === -1)
    throw new CurationError(
      `seed/build-graph.ts: the preamble no longer says "${start === -1 ? PREAMBLE_PARTIES.evidence : PREAMBLE_PARTIES.named}".`,
    );
  for (const party of PREAMBLE_PARTIES.parties) {
    const country = gazetteer.entities.find((e) => e.id === party.id && e.kind === 'Country');
    if (!country)
      throw new CurationError(
        `seed/data/gazetteer.json: no country "${party.id}" for the preamble's parties.`,
      );
    const nameStart = preamble.indexOf(party.name, named);
    for (const commitment of commitments) {
      graph.relate('UNDERTAKEN_BY', ref('Commitment', commitment.id), ref('Country', country.id), {
        evidence: PREAMBLE_PARTIES.evidence,
        evidence_field: 'preamble_ja',
        // Not evidence_start/_end: those count in the commitment's own text_ja everywhere.
        preamble_evidence_start: start,
        preamble_evidence_end: start + PREAMBLE_PARTIES.evidence.length,
        party_evidence: party.name,
        party_evidence_start: nameStart,
        party_evidence_end: nameStart + party.name.length,
        asserted_by: 'preamble',
      });
    }
  }
}

/** The semantic role read from the particle, where no curated role overrides it. */
const ROLE_FROM_GRAMMAR: Record<Role, SemanticRole> = {
  actor: 'actor',
  recipient: 'beneficiary',
  partner: 'partner',
  location: 'location',
  // の says whose, not who acts or gains: a curated role says more where the words allow.
  subject: 'mentioned',
  mentioned: 'mentioned',
};

function roleProperties(
  commitment: Commitment,
  c: CommitmentCuration,
  link: Link,
  grammatical: Role,
): Properties {
  const curatedRole = c.roles.find(
    (r) => r.entity === link.entity.id && r.at === link.evidence_start,
  );
  if (curatedRole) {
    const start = nearestOccurrence(commitment.text_ja, curatedRole.evidence, curatedRole.at);
    return {
      grammatical_role: grammatical,
      role: curatedRole.role,
      role_evidence: curatedRole.evidence,
      role_evidence_start: start,
      role_evidence_end: start + curatedRole.evidence.length,
      role_asserted_by: 'curation',
      role_note: curatedRole.note,
    };
  }
  const end = link.role_end ?? link.evidence_end;
  return {
    grammatical_role: grammatical,
    role: ROLE_FROM_GRAMMAR[grammatical],
    role_evidence: commitment.text_ja.slice(link.evidence_start, end),
    role_evidence_start: link.evidence_start,
    role_evidence_end: end,
    role_asserted_by: 'text',
  };
}

/** The occurrence of `evidence` in `text` that starts closest to `at` (-1 if none). */
function nearestOccurrence(text: string, evidence: string, at: number): number {
  let best = -1;
  for (let i = text.indexOf(evidence); i !== -1; i = text.indexOf(evidence, i + 1)) {
    if (best === -1 || Math.abs(i - at) < Math.abs(best - at)) best = i;
  }
  return best;
}

function spanProperties(
  name: string,
  text: string,
  evidence: string,
  assertedBy: AssertedBy,
): Properties {
  const start = text.indexOf(evidence);
  return {
    [`${name}_evidence`]: evidence,
    [`${name}_evidence_start`]: start,
    [`${name}_evidence_end`]: start + evidence.length,
    [`${name}_asserted_by`]: assertedBy,
  };
}

/** `direction` is the first value the bullet states; `directions` and the lists hold each with its words. */
function directionProperties(commitment: Commitment, c: CommitmentCuration): Properties {
  const starts = c.direction.map((d) => commitment.text_ja.indexOf(d.evidence));
  const first = c.direction[0]!;
  return {
    direction: first.value,
    ...spanProperties('direction', commitment.text_ja, first.evidence, first.asserted_by),
    directions: c.direction.map((d) => d.value),
    direction_evidences: c.direction.map((d) => d.evidence),
    direction_evidence_starts: starts,
    direction_evidence_ends: c.direction.map((d, i) => starts[i]! + d.evidence.length),
    direction_asserted_bys: c.direction.map((d) => d.asserted_by),
  };
}

/** Years, periods and phases the text states; absent where it states none. */
function timeProperties(commitment: Commitment, c: CommitmentCuration): Properties {
  const properties: Properties = {};
  const years = c.time.filter((t) => t.kind === 'year');
  if (years.length) {
    properties.years_stated = years.map((t) => t.value);
    properties.years_stated_evidences = years.map((t) => t.evidence);
  }
  for (const kind of ['period_years', 'phase'] as const) {
    const stated = c.time.find((t) => t.kind === kind);
    if (stated) {
      properties[kind] = stated.value;
      properties[`${kind}_evidence`] = stated.evidence;
      properties[`${kind}_evidence_start`] = commitment.text_ja.indexOf(stated.evidence);
    }
  }
  return properties;
}

function adoptedEvidence(adopted: string): string {
  const [year, month, day] = adopted.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

export function themeId(theme: ThemeId): string {
  return `theme/${theme}`;
}

function entityProperties(entity: Entity): Properties {
  const { parent, kind: _kind, ...rest } = entity;
  // aliases_text makes the aliases reachable by the full-text index, which skips lists.
  const properties: Properties = {
    parent_id: parent?.id ?? null,
    aliases_text: entity.aliases.join(' / '),
  };
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'parties') properties.party_ids = (value as { id: string }[]).map((p) => p.id);
    // supersedes and renews become relationships (addEntities), not properties.
    else if (key !== 'supersedes' && key !== 'renews')
      properties[key] = value as Properties[string];
  }
  return properties;
}
