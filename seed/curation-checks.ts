import { SOFT_ACTIONS } from '../core/model/curation-vocabulary';
import type { GraphNode, GraphRelationship } from '../core/model/graph-model';
import type { CommitmentCuration, Curation } from './curation';
import { CurationError, type Gazetteer } from './gazetteer';
import type { Link } from './link-mentions';
import type { Commitment } from './plan-model';

/**
 * What buildGraph checks before and after it builds: that every quoted string (aliases,
 * evidence, verbs) is really in the document, that the curation covers exactly the plan's
 * commitments and names mentions the linker found, and that ids and keys are unique. Each
 * failure is a CurationError naming the file and entry.
 */

/** Each curated role must name a mention the linker found: the entity, at that offset. */
export function checkRoleCuration(
  commitment: Commitment,
  c: CommitmentCuration,
  links: Link[],
): void {
  const file = 'seed/data/commitments.json';
  for (const role of c.roles) {
    const mention = links.find(
      (l) => l.type === 'INVOLVES' && l.entity.id === role.entity && l.evidence_start === role.at,
    );
    if (!mention)
      throw new CurationError(
        `${file}: commitment "${c.ref}": role for "${role.entity}" at ${role.at}: no mention of it there.`,
      );
    if (!commitment.text_ja.includes(role.evidence))
      throw new CurationError(
        `${file}: commitment "${c.ref}": role evidence "${role.evidence}" is not in its Japanese text.`,
      );
  }
}

export function checkAgainstSource(source: string, gazetteer: Gazetteer): void {
  const file = 'seed/data/gazetteer.json';
  // The document's text with line breaks removed: evidence may span a split line.
  const flat = source.replace(/\r?\n/g, '');
  const inSource = (text: string) => source.includes(text) || flat.includes(text);
  for (const entity of gazetteer.entities) {
    for (const alias of entity.aliases) {
      if (!inSource(alias))
        throw new CurationError(
          `${file}: entity "${entity.id}": alias "${alias}" does not occur in the source document.`,
        );
    }
    if (entity.parent && !inSource(entity.parent.evidence)) {
      throw new CurationError(
        `${file}: entity "${entity.id}": parent evidence "${entity.parent.evidence}" does not occur in the source document.`,
      );
    }
    if (entity.kind === 'Agreement') {
      if (entity.status_in_plan_evidence && !inSource(entity.status_in_plan_evidence))
        throw new CurationError(
          `${file}: entity "${entity.id}": status_in_plan_evidence "${entity.status_in_plan_evidence}" does not occur in the source document.`,
        );
      for (const party of entity.parties) {
        if (!inSource(party.evidence))
          throw new CurationError(
            `${file}: entity "${entity.id}": party evidence "${party.evidence}" does not occur in the source document.`,
          );
      }
    }
  }
  for (const stop of gazetteer.stop_phrases) {
    if (!inSource(stop.text))
      throw new CurationError(
        `${file}: stop phrase "${stop.text}" does not occur in the source document.`,
      );
  }
  for (const side of gazetteer.side_phrases) {
    if (!inSource(side.text))
      throw new CurationError(
        `${file}: side phrase "${side.text}" does not occur in the source document.`,
      );
    if (!gazetteer.entities.some((e) => e.id === side.entity && e.kind === 'Country'))
      throw new CurationError(
        `${file}: side phrase "${side.text}": "${side.entity}" is not a country in the gazetteer.`,
      );
  }
}

export function checkCuration(commitments: Commitment[], curation: Curation) {
  const file = 'seed/data/commitments.json';
  const curated = new Map(curation.commitments.map((c) => [c.ref, c]));
  if (curated.size !== curation.commitments.length)
    throw new CurationError(`${file}: a ref is listed twice.`);
  const refs = new Set(commitments.map((c) => c.ref));
  for (const c of curation.commitments) {
    if (!refs.has(c.ref))
      throw new CurationError(`${file}: commitment "${c.ref}" is not in the plan.`);
  }
  for (const commitment of commitments) {
    const c = curated.get(commitment.ref);
    if (!c)
      throw new CurationError(
        `${file}: commitment "${commitment.ref}" has no English text or attributes.`,
      );
    if (!commitment.text_ja.includes(c.action_ja)) {
      throw new CurationError(
        `${file}: commitment "${c.ref}": action_ja "${c.action_ja}" is not in its Japanese text.`,
      );
    }
    if (c.soft !== SOFT_ACTIONS.includes(c.action)) {
      throw new CurationError(
        `${file}: commitment "${c.ref}": soft is ${c.soft}, but its action "${c.action}" makes it ${!c.soft} (soft exactly when the action is ${SOFT_ACTIONS.join(', ')}).`,
      );
    }
    for (const quoted of [...c.direction, ...c.time]) {
      if (!commitment.text_ja.includes(quoted.evidence))
        throw new CurationError(
          `${file}: commitment "${c.ref}": evidence "${quoted.evidence}" is not in its Japanese text.`,
        );
    }
    for (const theme of c.themes) {
      if (!commitment.text_ja.includes(theme.evidence)) {
        throw new CurationError(
          `${file}: commitment "${c.ref}": theme evidence "${theme.evidence}" is not in its Japanese text.`,
        );
      }
    }
  }
  for (const target of curation.targets) {
    const commitment = commitments.find((c) => c.ref === target.ref);
    if (!commitment)
      throw new CurationError(
        `seed/data/targets.json: target "${target.id}": commitment "${target.ref}" is not in the plan.`,
      );
    if (!commitment.text_ja.includes(target.evidence)) {
      throw new CurationError(
        `seed/data/targets.json: target "${target.id}": evidence "${target.evidence}" is not in ${target.ref}'s text.`,
      );
    }
  }
  return curated;
}

export function checkUnique(nodes: GraphNode[], relationships: GraphRelationship[]): void {
  const ids = new Set<string>();
  for (const node of nodes) {
    if (ids.has(node.id)) throw new CurationError(`Two nodes share the id "${node.id}".`);
    ids.add(node.id);
  }
  const keys = new Set<string>();
  for (const rel of relationships) {
    if (keys.has(rel.key)) throw new CurationError(`Two relationships share the key "${rel.key}".`);
    keys.add(rel.key);
  }
}
