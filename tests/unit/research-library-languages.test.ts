import { nothing, type TemplateResult } from 'lit-html';
import {
  getDirectiveClass,
  isDirectiveResult,
  isTemplateResult,
} from 'lit-html/directive-helpers.js';
import { repeat } from 'lit-html/directives/repeat.js';
import { describe, expect, it } from 'vitest';
import type { ResearchQuery } from '../../client/workbench/model/cypher-types';
import type { Lang } from '../../client/workbench/model/state';
import { libraryList } from '../../client/workbench/views/library-list';
import { RESEARCH_QUERIES } from '../../server/routes/cypher/research-queries';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('the research library in both languages', () => {
  it('gives every query a Japanese description besides its English one', () => {
    expect(RESEARCH_QUERIES.length).toBeGreaterThan(0);
    for (const q of RESEARCH_QUERIES) {
      expect(q.description, q.id).not.toBe('');
      expect(q.description_ja, q.id).not.toBe('');
      expect(q.description_ja, q.id).toMatch(JAPANESE);
      expect(q.description_ja, q.id).not.toBe(q.description);
    }
  });
});

/** The templates a view returns, nested ones and each item of a repeat() too, outermost first. */
const REPEAT = getDirectiveClass(repeat([], () => nothing));
function* templates(value: unknown): Generator<TemplateResult> {
  if (Array.isArray(value)) for (const v of value) yield* templates(v);
  else if (isTemplateResult(value)) {
    yield value as TemplateResult;
    for (const v of value.values) yield* templates(v);
  } else if (isDirectiveResult(value) && getDirectiveClass(value) === REPEAT) {
    // The arguments repeat() was called with: items, key, template.
    const { values } = value as unknown as {
      values: [unknown[], unknown, (item: unknown) => unknown];
    };
    const [items, , template] = values;
    for (const item of items) yield* templates(template(item));
  }
}

/**
 * The text bound into every element of a class, from the templates alone (no DOM library): the
 * value whose template text just before it opens that element.
 */
function textsOf(view: unknown, className: string): string[] {
  const opens = new RegExp(`<[a-z]+ class="${className}">$`);
  return [...templates(view)].flatMap((t) =>
    t.strings.slice(0, -1).flatMap((s, i) => (opens.test(s) ? [String(t.values[i])] : [])),
  );
}

describe('the library list', () => {
  function descriptions(lang: Lang): string[] {
    const list = libraryList(
      // The server types params as unknown values; the client as the JSON values they are.
      { status: 'ready', queries: RESEARCH_QUERIES as ResearchQuery[] },
      lang,
      () => {},
    );
    return textsOf(list, 'description');
  }

  it('shows the Japanese descriptions when the workbench is in Japanese', () => {
    expect(descriptions('ja')).toEqual(RESEARCH_QUERIES.map((q) => q.description_ja));
  });

  it('shows the English descriptions when it is in English', () => {
    expect(descriptions('en')).toEqual(RESEARCH_QUERIES.map((q) => q.description));
  });
});
