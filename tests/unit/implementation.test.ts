import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  activityFeed,
  type FeedAssessment,
  type FeedEvent,
} from '../../core/formats/activity-feed';
import { toAtom } from '../../core/formats/atom';
import type { Assessment } from '../../core/model/implementation';
import { IMPLEMENTATION_SCALE, SCALE_SOURCE } from '../../core/model/implementation-scale';
import { compareRefs, standingsOn } from '../../core/model/implementation-standing';
import { readCuratedAssessments } from '../../scripts/seed-assessments';
import { readCuratedEvents } from '../../scripts/seed-events';
import { readSeedInputs } from '../../scripts/seed-inputs';
import { parseCuratedAssessments, uncitedEvents } from '../../seed/assessments-model';
import { CurationError } from '../../seed/gazetteer';

const { model } = readSeedInputs();
const events = readCuratedEvents(model);
const refs = new Set(
  model.nodes.filter((n) => n.label === 'Commitment').map((n) => String(n.properties.ref)),
);

const assessment = (patch: Partial<Assessment>): Assessment => ({
  id: 'as-x',
  ref: 'I.3.2',
  origin: 'analyst',
  status: 'limited',
  as_of: '2024-06-30',
  evidence: ['ev-a'],
  note: 'A reading.',
  assessed_by: 'editor-1',
  assessed_at: '2026-01-01T00:00:00.000Z',
  ...patch,
});

describe('the curated readings (seed/data/assessments.json)', () => {
  const readings = readCuratedAssessments(model, events);

  it('read every event of the record: each commitment an event advances has a reading citing it', () => {
    expect(uncitedEvents(readings, events)).toEqual([]);
    expect(readings.every((r) => r.evidence.length > 0)).toBe(true);
  });

  it('catch a new event no reading cites, and a commitment with no reading', () => {
    const added = {
      id: 'ev-2026-06-01-new',
      date: '2026-06-01',
      advances: [
        { ref: 'I.1.1', reason: 'x' },
        { ref: 'I.2.2', reason: 'x' },
      ],
    };
    expect(uncitedEvents(readings, [...events, added])).toEqual([
      'ev-2026-06-01-new advances I.1.1, but no curated reading of I.1.1 cites it',
      'ev-2026-06-01-new advances I.2.2, which has no curated reading',
    ]);
  });

  const file = (entry: Record<string, unknown>) => ({
    assessed_on: '2026-12-07',
    assessments: [
      {
        id: 'as-i-1-1-2023-01-01',
        ref: 'I.1.1',
        status: 'limited',
        as_of: '2023-01-01',
        evidence: ['ev-2022-11-29-summit-tokyo'],
        note: 'A reading.',
        assessed_by: 'curation',
        ...entry,
      },
    ],
  });

  it('refuse a reading that cites a missing event, or one after its day, naming the entry and field', () => {
    expect(parseCuratedAssessments(file({}), refs, events)).toHaveLength(1);
    expect(() =>
      parseCuratedAssessments(file({ evidence: ['ev-no-such-event'] }), refs, events),
    ).toThrow(
      /assessments\[0\] \(as-i-1-1-2023-01-01\): evidence\.0: "ev-no-such-event" is not an event/,
    );
    expect(() =>
      parseCuratedAssessments(
        file({ evidence: ['ev-2025-07-06-emperor-state-visit'] }),
        refs,
        events,
      ),
    ).toThrow(/happened after 2023-01-01/);
    expect(() =>
      parseCuratedAssessments(file({ evidence: ['ev-2022-12-06-jenesys2022'] }), refs, events),
    ).toThrow(/"ev-2022-12-06-jenesys2022" does not advance I\.1\.1/);
    expect(() => parseCuratedAssessments(file({ ref: 'IX.1.1' }), refs, events)).toThrow(
      CurationError,
    );
    expect(() => parseCuratedAssessments(file({ assessed_by: 'someone' }), refs, events)).toThrow(
      /curation/,
    );
    expect(() => parseCuratedAssessments(file({ status: 'done' }), refs, events)).toThrow(/status/);
  });
});

describe('standings on a day', () => {
  const commitments = [
    { ref: 'II.1.1', pillar: 'II' },
    { ref: 'I.1.10', pillar: 'I' },
    { ref: 'I.1.9', pillar: 'I' },
  ];
  const history = [
    assessment({ id: 'as-1', ref: 'I.1.9', status: 'limited', as_of: '2023-01-01' }),
    assessment({ id: 'as-2', ref: 'I.1.9', status: 'substantial', as_of: '2025-01-01' }),
  ];

  it('pick the reading in force that day, and no_evidence before any, in plan order', () => {
    const on = (day: string) => standingsOn(commitments, history, day);
    expect(on('2022-12-31').map((s) => [s.ref, s.status])).toEqual([
      ['I.1.9', 'no_evidence'],
      ['I.1.10', 'no_evidence'],
      ['II.1.1', 'no_evidence'],
    ]);
    expect(on('2024-06-30')[0]).toMatchObject({ status: 'limited', assessment_id: 'as-1' });
    expect(on('2025-01-01')[0]).toMatchObject({ status: 'substantial', assessed_by: 'editor-1' });
    expect(on('2022-12-31')[0]).toMatchObject({ as_of: null, assessed_by: null, note: '' });
    expect(standingsOn(commitments, history, '2025-01-01', { pillar: 'II' })).toHaveLength(1);
    expect(
      standingsOn(commitments, history, '2025-01-01', { status: 'substantial' }).map((s) => s.ref),
    ).toEqual(['I.1.9']);
    expect(['IV.1.1', 'I.3.2', 'III.1.2.a', 'II.1.1'].sort(compareRefs)).toEqual([
      'I.3.2',
      'II.1.1',
      'III.1.2.a',
      'IV.1.1',
    ]);
  });

  it('come with the whole scale, each level defined, and its source', () => {
    expect(IMPLEMENTATION_SCALE.map((s) => s.status)).toEqual([
      'no_evidence',
      'not_started',
      'limited',
      'substantial',
      'complete',
    ]);
    for (const level of IMPLEMENTATION_SCALE)
      expect(level.definition_en.length).toBeGreaterThan(30);
    expect(SCALE_SOURCE).toMatch(/^https:\/\/www\.opengovpartnership\.org\//);
  });
});

describe('the Atom feed', () => {
  const event: FeedEvent = {
    id: 'ev-1',
    title_en: 'Ministers meet <in> "Tokyo" & sign',
    date: '2024-02-29',
    summary_en: 'They signed a memorandum.',
    source_publisher: 'MOD',
    advances: [{ ref: 'I.3.2', reason: 'x' }],
    pillars: ['I'],
    version: 2,
    updated_at: '2026-01-02T00:00:00.000Z',
    updated_by: 'seed',
  };
  const reading: FeedAssessment = {
    ...assessment({ id: 'as-2', assessed_at: '2026-03-01T00:00:00.000Z', status: 'substantial' }),
    commitment_id: 'jp-mn-2022/I.3.2',
    commitment_title_en: 'Defence exchanges',
  };
  const feed = activityFeed([event], [reading], {
    base: 'http://kizuna.example',
    self: 'http://kizuna.example/api/feed.atom?pillar=I',
    filter: { pillar: 'I' },
    limit: 10,
  });
  const xml = toAtom(feed);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'entry' || name === 'link' || name === 'category',
  }).parse(xml);

  it('is well-formed XML, escaping what the record holds', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('Ministers meet &lt;in&gt; "Tokyo" &amp; sign');
  });

  it('has what RFC 4287 requires of a feed and of each entry, newest first', () => {
    const f = parsed.feed;
    expect(f['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(f.id).toBe('urn:kizuna-jp-mn-2022:feed:pillar:I');
    expect(f.title).toMatch(/for pillar I$/);
    expect(f.updated).toBe('2026-03-01T00:00:00.000Z');
    expect(f.link.find((l: Record<string, string>) => l['@_rel'] === 'self')['@_href']).toBe(
      'http://kizuna.example/api/feed.atom?pillar=I',
    );
    expect(f.entry.map((e: { id: string }) => e.id)).toEqual([
      'urn:kizuna-jp-mn-2022:assessment:as-2',
      'urn:kizuna-jp-mn-2022:event:ev-1',
    ]);
    for (const entry of f.entry) {
      for (const key of ['id', 'title', 'updated', 'summary', 'author', 'link'])
        expect(entry[key]).toBeDefined();
      expect(entry.author.name.length).toBeGreaterThan(0);
    }
    const [first, second] = f.entry;
    expect(first.title).toBe('I.3.2 Defence exchanges: Substantial as of 2024-06-30');
    expect(first.link[0]['@_href']).toBe('http://kizuna.example/#lang=en&sel=jp-mn-2022%2FI.3.2');
    expect(first.author.name).toBe('editor-1');
    expect(second.title).toMatch(/^Event changed: /);
    expect(second.author.name).toBe('Kizuna curation');
  });
});
