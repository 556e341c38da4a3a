import {
  EVENT_RELATIONSHIP_TYPES,
  type EventRelationshipType,
  isEventRelationshipType,
} from '../../core/model/event-fields';
import {
  NODE_LABELS,
  type NodeLabel,
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from '../../core/model/graph-model';

/**
 * How each kind of node and relationship looks. Colours follow the Okabe–Ito palette,
 * which stays distinguishable with the common colour-vision deficiencies, darkened
 * where needed so every node colour has at least 3:1 contrast against the white
 * canvas. Shapes, line styles and arrow heads carry the distinction too, so nothing
 * relies on colour alone.
 */

export const NODE_KINDS = NODE_LABELS;
export type NodeKind = NodeLabel;

export const REL_TYPES = RELATIONSHIP_TYPES;
export type RelType = RelationshipType;

export interface KindStyle {
  colour: string;
  shape: string;
  size: number;
  en: string;
  ja: string;
}

export const KIND_STYLES: Record<NodeKind, KindStyle> = {
  Plan: { colour: '#000000', shape: 'round-rectangle', size: 64, en: 'Plan', ja: '行動計画' },
  Pillar: { colour: '#4d4d4d', shape: 'round-rectangle', size: 52, en: 'Pillar', ja: '柱' },
  Area: { colour: '#808080', shape: 'round-rectangle', size: 40, en: 'Area', ja: '分野' },
  Commitment: { colour: '#0072B2', shape: 'ellipse', size: 26, en: 'Commitment', ja: '取組' },
  Agreement: { colour: '#D55E00', shape: 'diamond', size: 40, en: 'Agreement', ja: '協定・覚書' },
  Agency: { colour: '#B07A00', shape: 'hexagon', size: 36, en: 'Agency', ja: '機関' },
  Country: { colour: '#2A86BF', shape: 'star', size: 52, en: 'Country', ja: '国' },
  Program: {
    colour: '#009E73',
    shape: 'pentagon',
    size: 36,
    en: 'Programme',
    ja: '事業・制度',
  },
  Framework: {
    colour: '#CC79A7',
    shape: 'octagon',
    size: 36,
    en: 'Framework',
    ja: '国際枠組み・政策',
  },
  Place: { colour: '#8F8500', shape: 'triangle', size: 32, en: 'Place', ja: '場所' },
  Target: { colour: '#1b1b1b', shape: 'vee', size: 30, en: 'Target', ja: '数値目標' },
  Theme: { colour: '#7a7a7a', shape: 'tag', size: 28, en: 'Theme', ja: 'テーマ' },
};

export interface RelStyle {
  colour: string;
  line: 'solid' | 'dashed' | 'dotted';
  width: number;
  /** The arrow head at the target: with the line style, tells types apart without colour. */
  arrow: string;
  en: string;
  ja: string;
}

export const REL_STYLES: Record<RelType, RelStyle> = {
  PART_OF: {
    colour: '#8c8c8c',
    line: 'solid',
    width: 1,
    arrow: 'triangle',
    en: 'part of',
    ja: '所属',
  },
  ANNEX_OF: {
    colour: '#000000',
    line: 'dashed',
    width: 2,
    arrow: 'diamond',
    en: 'annex of',
    ja: '付属文書',
  },
  UNDERPINS: {
    colour: '#D55E00',
    line: 'solid',
    width: 3.5,
    arrow: 'triangle-backcurve',
    en: 'underpins',
    ja: '基づく',
  },
  WORKS_TOWARDS: {
    colour: '#0072B2',
    line: 'dashed',
    width: 2.5,
    arrow: 'chevron',
    en: 'works towards',
    ja: '目指す',
  },
  REFERS_TO: {
    colour: '#882255',
    line: 'dotted',
    width: 2,
    arrow: 'vee',
    en: 'refers to',
    ja: '言及',
  },
  INVOLVES: {
    colour: '#B07A00',
    line: 'solid',
    width: 1.5,
    arrow: 'circle',
    en: 'involves',
    ja: '関与',
  },
  IMPLEMENTED_VIA: {
    colour: '#009E73',
    line: 'solid',
    width: 2,
    arrow: 'square',
    en: 'implemented via',
    ja: '実施手段',
  },
  ALIGNS_WITH: {
    colour: '#CC79A7',
    line: 'dashed',
    width: 2,
    arrow: 'tee',
    en: 'aligns with',
    ja: '整合',
  },
  CONCERNS: {
    colour: '#8F8500',
    line: 'dotted',
    width: 2,
    arrow: 'triangle-cross',
    en: 'concerns',
    ja: '対象地',
  },
  BELONGS_TO: {
    colour: '#555555',
    line: 'dashed',
    width: 1.5,
    arrow: 'triangle-tee',
    en: 'belongs to',
    ja: '上部組織',
  },
  PARTY_TO: {
    colour: '#2A86BF',
    line: 'dotted',
    width: 2,
    arrow: 'circle-triangle',
    en: 'party to',
    ja: '当事者',
  },
  UNDERTAKEN_BY: {
    colour: '#6B6B9A',
    line: 'dashed',
    width: 1,
    arrow: 'circle',
    en: 'undertaken by (preamble)',
    ja: '当事国（前文）',
  },
  SETS: {
    colour: '#332288',
    line: 'solid',
    width: 2,
    arrow: 'diamond',
    en: 'sets',
    ja: '目標設定',
  },
  TAGGED: {
    colour: '#9a9a9a',
    line: 'dotted',
    width: 1,
    arrow: 'none',
    en: 'tagged',
    ja: 'テーマ',
  },
  SUPERSEDES: {
    colour: '#4B7F52',
    line: 'dotted',
    width: 2,
    arrow: 'triangle-backcurve',
    en: 'supersedes (revision)',
    ja: '改訂',
  },
  RENEWS: {
    colour: '#4B7F52',
    line: 'dotted',
    width: 2,
    arrow: 'chevron',
    en: 'renews',
    ja: '更新',
  },
};

/**
 * The analysts' layer: events and their own relationship types, all in one purple that no
 * plan kind uses, so a path through analysts' records shows it at a glance; line styles and
 * arrow heads tell the four types apart.
 */
const ANALYSTS = '#6A3D9A';

export const EVENT_STYLE: KindStyle = {
  colour: ANALYSTS,
  shape: 'rhomboid',
  size: 30,
  en: 'Event',
  ja: '出来事',
};

export const EVENT_REL_TYPES = EVENT_RELATIONSHIP_TYPES;

export const EVENT_REL_STYLES: Record<EventRelationshipType, RelStyle> = {
  ADVANCES: {
    colour: ANALYSTS,
    line: 'solid',
    width: 2,
    arrow: 'triangle',
    en: 'advances',
    ja: '推進',
  },
  ENGAGES: {
    colour: ANALYSTS,
    line: 'dotted',
    width: 2,
    arrow: 'circle',
    en: 'engages',
    ja: '参加',
  },
  UNDER: {
    colour: ANALYSTS,
    line: 'dashed',
    width: 2,
    arrow: 'diamond',
    en: 'under',
    ja: '協定の下',
  },
  WITHIN: {
    colour: ANALYSTS,
    line: 'dashed',
    width: 1.5,
    arrow: 'square',
    en: 'within',
    ja: '事業の一環',
  },
};

/** The look of a relationship type of either layer; undefined for a type neither knows. */
export const relStyleOf = (type: string): RelStyle | undefined =>
  isRelType(type)
    ? REL_STYLES[type]
    : isEventRelationshipType(type)
      ? EVENT_REL_STYLES[type]
      : undefined;

export const isNodeKind = (value: string): value is NodeKind =>
  (NODE_KINDS as readonly string[]).includes(value);
export const isRelType = (value: string): value is RelType =>
  (REL_TYPES as readonly string[]).includes(value);
