import type { ImplementationStatus } from './implementation';

/**
 * The completion scale in words, for the API, the explorer and the exports: the Open
 * Government Partnership's Independent Reporting Mechanism rates each commitment's
 * completion on five points (No Evidence Available, Not Started, Limited, Substantial,
 * Complete). The definitions below are Kizuna's own paraphrase of how the levels read for
 * a bilateral action plan; the glossary entry at SCALE_SOURCE is the scale's definition.
 */
export const SCALE_SOURCE = 'https://www.opengovpartnership.org/glossary/completion/';

export interface ScaleLevel {
  status: ImplementationStatus;
  label_en: string;
  label_ja: string;
  definition_en: string;
}

export const IMPLEMENTATION_SCALE: readonly ScaleLevel[] = [
  {
    status: 'no_evidence',
    label_en: 'No evidence',
    label_ja: '記録なし',
    definition_en:
      'Nothing in the record speaks to this commitment yet. This is the record’s silence, not a finding that work has not begun.',
  },
  {
    status: 'not_started',
    label_en: 'Not started',
    label_ja: '未着手',
    definition_en:
      'The record shows, from a dated source, that none of the activities the commitment describes has begun.',
  },
  {
    status: 'limited',
    label_en: 'Limited',
    label_ja: '限定的',
    definition_en:
      'Some of what the commitment describes has happened, but only a small part of it: a first meeting, a single exchange or a step that opens the way.',
  },
  {
    status: 'substantial',
    label_en: 'Substantial',
    label_ja: '相当程度',
    definition_en:
      'Much of what the commitment describes has happened, repeatedly or through a concrete instrument, yet something it names is still outstanding.',
  },
  {
    status: 'complete',
    label_en: 'Complete',
    label_ja: '完了',
    definition_en: 'All of what the commitment describes has been done, as the cited events show.',
  },
];
