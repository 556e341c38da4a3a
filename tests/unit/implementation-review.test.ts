import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { pageSetup } from '../../client/export/brief';
import { MIN_FONT } from '../../client/export/brief-pages';
import { pageToSvg } from '../../client/export/brief-svg';
import { reviewPages, reviewRows } from '../../client/export/implementation-review';
import type { CommitmentStanding } from '../../core/api/implementation';
import {
  IMPLEMENTATION_CSV_COLUMNS,
  implementationCsv,
} from '../../core/formats/implementation-csv';
import type { CitableEvent } from '../../core/model/implementation-review';

/** An event with a long title and a long primary address, as the record holds many. */
const event = (n: number): CitableEvent => ({
  id: `ev-test-${n}`,
  date: `2024-0${(n % 9) + 1}-15`,
  title_en: `Exchange of notes number ${n} on grant aid for the vocational training centre`,
  title_ja: `無償資金協力に関する交換公文${n}`,
  source_publisher: 'Ministry of Foreign Affairs of Japan',
  source_url: `https://www.mofa.go.jp/mofaj/press/release/pressit_00000${n}.html`,
});

/** A commitment's standing: every third with events cited, a note with a comma and quotes. */
const standing = (pillar: string, i: number): CommitmentStanding => {
  const cited = i % 3 === 0 ? [`ev-test-${i}`, `ev-test-${i + 1}`, 'ev-test-gone'] : [];
  return {
    ref: `${pillar}.${Math.floor(i / 4) + 1}.${(i % 4) + 1}`,
    pillar,
    status: cited.length ? (i % 2 ? 'limited' : 'substantial') : 'no_evidence',
    as_of: cited.length ? '2024-06-30' : null,
    evidence: cited,
    note: cited.length ? `Reading ${i}: "two notes" signed, one more pending` : '',
    assessed_by: cited.length ? (i === 3 ? 'editor-ana' : 'curation') : null,
    assessed_at: cited.length ? '2026-12-01T00:00:00Z' : null,
    assessment_id: cited.length ? `a-${i}` : null,
  };
};

const standings = ['IV', 'I', 'II', 'III'].flatMap((p) =>
  Array.from({ length: p === 'II' ? 40 : 12 }, (_, i) => standing(p, i)),
);
// One commitment citing 30 events: taller than a slide holds.
standings.find((c) => c.ref === 'IV.1.1')!.evidence = Array.from(
  { length: 30 },
  (_, i) => `ev-test-${i}`,
);
const events = Array.from({ length: 45 }, (_, i) => event(i));
const rows = reviewRows(standings, events, (ref) => `Commitment named ${ref}`, 'en');

describe('the implementation review', () => {
  it('puts the rows in plan order and joins each cited event, leaving out one the record lost', () => {
    expect(rows.map((r) => r.pillar).filter((p, i, a) => a.indexOf(p) === i)).toEqual([
      'I',
      'II',
      'III',
      'IV',
    ]);
    const ii = rows.filter((r) => r.pillar === 'II').map((r) => r.ref);
    expect(ii.indexOf('II.3.1')).toBeLessThan(ii.indexOf('II.10.1'));
    const cited = rows.find((r) => r.ref === 'I.1.1')!;
    expect(cited.evidence).toEqual(['ev-test-0', 'ev-test-1', 'ev-test-gone']);
    expect(cited.events.map((e) => e.id)).toEqual(['ev-test-0', 'ev-test-1']);
    expect(cited.name).toBe('Commitment named I.1.1');
  });

  it('lays out a summary and each pillar, numbered, continued where a list runs on, nothing under 9 pt', () => {
    const setup = pageSetup('slide', 'landscape', 'en', '2026-12-07', undefined, {
      text: 'as of 2024-06-30',
      day: '2024-06-30',
      today: '2026-12-07',
      propertiesOf: () => undefined,
    });
    const pages = reviewPages(
      {
        rows,
        pillarNames: new Map([['II', 'Economy and Economic Cooperation']]),
        asOfText: 'as of 2024-06-30',
        scaleSource: 'https://www.opengovpartnership.org/irm-guidance-overview/',
      },
      setup,
    );
    const text = (i: number) => pages[i]!.texts.flatMap((t) => t.lines).join(' ');
    expect(pages[0]!.title).toBe('Implementation review, as of 2024-06-30');
    expect(text(0)).toContain('Pillar II: Economy and Economic Cooperation');
    // The summary's total row counts every commitment.
    expect(text(0)).toContain(String(rows.length));
    pages.forEach((p, i) => {
      expect(text(i)).toContain(`${i + 1} / ${pages.length}`);
      expect(Math.min(...p.texts.map((t) => t.fontSize))).toBeGreaterThanOrEqual(MIN_FONT);
      expect(p.footer).toContain('as of 2024-06-30');
      // Nothing runs into the footer: every text but the footer ends above its top.
      const footerTop = p.texts.at(-1)!.y;
      for (const t of p.texts.slice(0, -1))
        expect(t.y + t.lines.length * t.fontSize * 1.22, `page ${i + 1}`).toBeLessThanOrEqual(
          footerTop,
        );
    });
    // Pillar II's 40 rows take more than one page: the later ones say so.
    const ii = pages.filter((p) => /Pillar II($| \()/.test(p.title));
    expect(ii.length).toBeGreaterThan(1);
    expect(ii.slice(1).every((p) => p.title.endsWith('(continued)'))).toBe(true);
    expect(ii[0]!.title.endsWith('(continued)')).toBe(false);
    const all = pages.map((_, i) => text(i)).join('\n');
    expect(all).toContain('curated reading');
    expect(all).toContain('assessed by editor-ana');
    expect(all).toContain('ev-test-gone (no longer in the record)');
    expect(all).toContain('https://www.mofa.go.jp/mofaj/press/release/pressit_000000.html');
    expect(pageToSvg(pages[1]!)).toContain('<line ');
    // The commitment citing 30 events runs on to the next page, its ref marked.
    expect(all).toContain('IV.1.1 (continued)');
    const last = 'https://www.mofa.go.jp/mofaj/press/release/pressit_0000029.html';
    expect(all.replace(/\s+/g, '')).toContain(last);
  });

  it('writes one CSV record per commitment that a CSV reader reads back whole', () => {
    const records = parse(implementationCsv(rows), { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual([...IMPLEMENTATION_CSV_COLUMNS]);
    expect(records).toHaveLength(standings.length);
    const r = records.find((x) => x.ref === 'I.1.1')!;
    expect(r.note).toBe('Reading 0: "two notes" signed, one more pending');
    expect(r.evidence_ids).toBe('ev-test-0 | ev-test-1 | ev-test-gone');
    expect(r.evidence_titles!.split(' | ')).toHaveLength(3);
    expect(r.sources!.split(' | ')[0]).toBe(
      'Ministry of Foreign Affairs of Japan https://www.mofa.go.jp/mofaj/press/release/pressit_000000.html',
    );
    expect(records.find((x) => x.ref === 'I.1.2')!.status).toBe('no_evidence');
  });
});

describe('the implementation review in Japanese', () => {
  it('says the statuses, the as-of and “continued” in Japanese', () => {
    const ja = reviewRows(standings, events, (ref) => `取組${ref}`, 'ja');
    const setup = pageSetup('a4', 'portrait', 'ja', '2026-12-07', undefined, {
      text: '2024-06-30時点',
      day: '2024-06-30',
      today: '2026-12-07',
      propertiesOf: () => undefined,
    });
    const pages = reviewPages(
      {
        rows: ja,
        pillarNames: new Map(),
        asOfText: '2024-06-30時点',
        scaleSource: 'https://x.test/',
      },
      setup,
    );
    const all = pages.flatMap((p) => p.texts.flatMap((t) => t.lines)).join('');
    expect(pages[0]!.title).toBe('実施状況レビュー・2024-06-30時点');
    expect(pages.some((p) => p.title.endsWith('（続き）'))).toBe(true);
    for (const word of [
      '記録なし',
      '限定的',
      '相当程度',
      'キュレーションによる判断',
      '無償資金協力に関する交換公文0',
    ])
      expect(all).toContain(word);
  });
});
