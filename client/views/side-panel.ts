import type { NodeDetails } from '../api';
import { segmentText } from '../model/evidence-marks';
import { isNodeKind, isRelType, KIND_STYLES, REL_STYLES } from '../model/palette';
import type { AppState, Lang } from '../model/state';
import { clear, h } from './dom';
import { t } from './labels';

export interface PanelActions {
  select(id: string): void;
  close(): void;
  expand(id: string): void;
  collapse(id: string): void;
  hide(id: string): void;
  focus(id: string, hops: number): void;
  pathFrom(id: string): void;
  pathTo(id: string): void;
}

const SHOWN_PROPERTIES = [
  'ref',
  'action',
  'action_ja',
  'soft',
  'direction',
  'agreement_type',
  'status',
  'year',
  'program_type',
  'scope',
  'agency_type',
  'place_type',
  'country',
  'quantity',
  'unit',
  'period_years',
  'adopted',
  'period_start',
  'period_end',
];

const relLabel = (type: string, lang: Lang) => (isRelType(type) ? REL_STYLES[type][lang] : type);
const kindLabel = (kind: string, lang: Lang) => (isNodeKind(kind) ? KIND_STYLES[kind][lang] : kind);

/** The details of the selected node: both languages, the source with its evidence marked, and its connections. */
export function renderSidePanel(
  el: HTMLElement,
  details: NodeDetails | null,
  state: AppState,
  act: PanelActions,
  loading: boolean,
): void {
  const lang = state.lang;
  if (!state.selected) {
    el.hidden = true;
    clear(el);
    return;
  }
  el.hidden = false;
  if (!details || details.id !== state.selected) {
    clear(el, h('p', { className: 'muted' }, loading ? '…' : ''));
    return;
  }
  const p = details.properties;
  const other = lang === 'ja' ? 'en' : 'ja';
  const name = String(p[`name_${lang}`] ?? details.id);
  const otherName = String(p[`name_${other}`] ?? '');
  const expanded = state.expanded.includes(details.id);

  const marks = details.provenance.relationships
    .filter(
      (r) =>
        typeof r.properties.evidence_start === 'number' &&
        typeof r.properties.evidence_end === 'number' &&
        details.kind === 'Commitment',
    )
    .map((r) => ({
      start: Number(r.properties.evidence_start),
      end: Number(r.properties.evidence_end),
      type: r.type,
      label: `${relLabel(r.type, lang)}: ${lang === 'ja' ? r.other.name_ja : r.other.name_en}`,
    }));
  const sourceText = details.provenance.text_ja
    ? h(
        'p',
        { className: 'source-text', lang: 'ja', 'data-test': 'source-text' },
        ...segmentText(details.provenance.text_ja, marks).map((seg) =>
          seg.mark
            ? h(
                'mark',
                {
                  className: `ev ev-${seg.mark.type}`,
                  title: seg.mark.label,
                  'data-type': seg.mark.type,
                },
                seg.text,
              )
            : seg.text,
        ),
      )
    : null;

  const groups = new Map<string, NodeDetails['provenance']['relationships']>();
  for (const r of details.provenance.relationships) {
    const key = `${r.type}|${r.direction}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const connections = [...groups.entries()].map(([key, rels]) => {
    const [type = '', direction] = key.split('|');
    return h(
      'section',
      { className: 'rel-group' },
      h('h4', {}, `${direction === 'in' ? '← ' : '→ '}${relLabel(type, lang)} (${rels.length})`),
      h(
        'ul',
        {},
        ...rels.map((r) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                className: 'link',
                onclick: () => act.select(r.other.id),
                'data-id': r.other.id,
              },
              lang === 'ja' ? r.other.name_ja : r.other.name_en,
            ),
            h('span', { className: 'kind-tag' }, kindLabel(r.other.kind, lang)),
            typeof r.properties.evidence === 'string'
              ? h('q', { lang: 'ja' }, r.properties.evidence)
              : null,
            typeof r.properties.role === 'string'
              ? h('span', { className: 'role' }, r.properties.role)
              : null,
          ),
        ),
      ),
    );
  });

  clear(
    el,
    h(
      'header',
      {},
      h(
        'span',
        { className: 'kind-tag', 'data-test': 'panel-kind' },
        kindLabel(details.kind, lang),
      ),
      h('h2', { id: 'panel-title', 'data-test': 'panel-title' }, name),
      otherName ? h('p', { className: 'other-name', lang: other }, otherName) : null,
      h(
        'button',
        { type: 'button', className: 'close', 'aria-label': t(lang, 'close'), onclick: act.close },
        '×',
      ),
    ),
    h(
      'div',
      { className: 'panel-actions' },
      h(
        'button',
        {
          type: 'button',
          'data-test': 'expand',
          onclick: () => (expanded ? act.collapse(details.id) : act.expand(details.id)),
        },
        expanded ? t(lang, 'collapse') : t(lang, 'expand'),
      ),
      h(
        'button',
        { type: 'button', 'data-test': 'hide', onclick: () => act.hide(details.id) },
        t(lang, 'hide'),
      ),
      h(
        'button',
        { type: 'button', 'data-test': 'focus', onclick: () => act.focus(details.id, 1) },
        `${t(lang, 'focus')} 1 ${t(lang, 'hops')}`,
      ),
      h(
        'button',
        { type: 'button', onclick: () => act.focus(details.id, 2) },
        `${t(lang, 'focus')} 2 ${t(lang, 'hops')}`,
      ),
      h(
        'button',
        { type: 'button', 'data-test': 'path-from', onclick: () => act.pathFrom(details.id) },
        t(lang, 'pathFrom'),
      ),
      h(
        'button',
        { type: 'button', 'data-test': 'path-to', onclick: () => act.pathTo(details.id) },
        t(lang, 'pathTo'),
      ),
    ),
    sourceText
      ? h(
          'section',
          {},
          h(
            'h3',
            {},
            `${t(lang, 'source')} · ${t(lang, 'lines')} ${details.provenance.line_start}${details.provenance.line_end !== details.provenance.line_start ? `–${details.provenance.line_end}` : ''}`,
          ),
          sourceText,
        )
      : null,
    typeof p.text_en === 'string'
      ? h(
          'section',
          {},
          h('h3', {}, t(lang, 'english')),
          h('p', { lang: 'en', 'data-test': 'text-en' }, p.text_en),
        )
      : null,
    typeof p.preamble_ja === 'string'
      ? h('section', {}, h('p', { lang: 'ja', className: 'source-text' }, p.preamble_ja))
      : null,
    h(
      'section',
      {},
      h('h3', {}, t(lang, 'properties')),
      h(
        'dl',
        { className: 'props' },
        ...SHOWN_PROPERTIES.filter((k) => p[k] !== undefined && p[k] !== null).flatMap((k) => [
          h('dt', {}, k),
          h('dd', {}, String(p[k])),
        ]),
        ...(Array.isArray(p.aliases) && p.aliases.length
          ? [h('dt', {}, 'aliases'), h('dd', { lang: 'ja' }, p.aliases.join(' / '))]
          : []),
      ),
    ),
    h('section', {}, h('h3', {}, t(lang, 'neighbours')), ...connections),
  );
}
