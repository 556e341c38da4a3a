import {
  NODE_LABELS,
  type NodeLabel,
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from '../../seed/graph-model';

/**
 * How each kind of node and relationship looks. Colours are the Okabe–Ito palette,
 * which stays distinguishable with the common colour-vision deficiencies; shapes and
 * line styles carry the distinction too, so nothing relies on colour alone.
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
  Agency: { colour: '#E69F00', shape: 'hexagon', size: 36, en: 'Agency', ja: '機関' },
  Country: { colour: '#56B4E9', shape: 'star', size: 52, en: 'Country', ja: '国' },
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
  Place: { colour: '#F0E442', shape: 'triangle', size: 32, en: 'Place', ja: '場所' },
  Target: { colour: '#1b1b1b', shape: 'vee', size: 30, en: 'Target', ja: '数値目標' },
  Theme: { colour: '#b3b3b3', shape: 'tag', size: 28, en: 'Theme', ja: 'テーマ' },
};

export interface RelStyle {
  colour: string;
  line: 'solid' | 'dashed' | 'dotted';
  width: number;
  en: string;
  ja: string;
}

export const REL_STYLES: Record<RelType, RelStyle> = {
  PART_OF: { colour: '#9a9a9a', line: 'solid', width: 1, en: 'part of', ja: '所属' },
  ANNEX_OF: { colour: '#000000', line: 'dashed', width: 2, en: 'annex of', ja: '付属文書' },
  UNDERPINS: { colour: '#D55E00', line: 'solid', width: 3.5, en: 'underpins', ja: '基づく' },
  WORKS_TOWARDS: { colour: '#D55E00', line: 'dashed', width: 2, en: 'works towards', ja: '目指す' },
  REFERS_TO: { colour: '#D55E00', line: 'dotted', width: 1.5, en: 'refers to', ja: '言及' },
  INVOLVES: { colour: '#E69F00', line: 'solid', width: 1.5, en: 'involves', ja: '関与' },
  IMPLEMENTED_VIA: {
    colour: '#009E73',
    line: 'solid',
    width: 2,
    en: 'implemented via',
    ja: '実施手段',
  },
  ALIGNS_WITH: { colour: '#CC79A7', line: 'dashed', width: 2, en: 'aligns with', ja: '整合' },
  CONCERNS: { colour: '#b8a800', line: 'dotted', width: 2, en: 'concerns', ja: '対象地' },
  BELONGS_TO: { colour: '#7a7a7a', line: 'dashed', width: 1.5, en: 'belongs to', ja: '上部組織' },
  PARTY_TO: { colour: '#56B4E9', line: 'dotted', width: 2, en: 'party to', ja: '当事者' },
  SETS: { colour: '#1b1b1b', line: 'solid', width: 2, en: 'sets', ja: '目標設定' },
  TAGGED: { colour: '#c8c8c8', line: 'dotted', width: 1, en: 'tagged', ja: 'テーマ' },
};

export const isNodeKind = (value: string): value is NodeKind =>
  (NODE_KINDS as readonly string[]).includes(value);
export const isRelType = (value: string): value is RelType =>
  (REL_TYPES as readonly string[]).includes(value);
