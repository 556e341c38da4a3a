import { describe, expect, it } from 'vitest';
import { expressionRefusal, MAX_EXPRESSION_ELEMENTS } from '../../graph/cypher-expression-guards';

const code = (query: string, params?: Record<string, unknown>) =>
  expressionRefusal(query, params)?.code;

describe('expressions Neo4j cannot stop are refused before they run', () => {
  it.each([
    // Heap fillers built in one expression.
    'WITH [x IN range(1, 50000000) | toString(x)] AS l RETURN size(l)',
    'RETURN range(1, 10^9)',
    'RETURN size([x IN range(0, 0x7fffffff) WHERE x = 1])',
    'WITH 50000000 AS n RETURN [x IN range(1, n) | x]',
    'WITH 5000 * 10000 AS n RETURN [x IN range(1, n) | x]',
    'RETURN [x IN range(1, toInteger(1e12)) | x]',
    // Bounds the console cannot know beforehand.
    "RETURN [x IN range(1, toInteger('50000000')) | x]",
    'MATCH (n) RETURN [x IN range(1, n.evidence_count * 100000000) | x]',
    // Nesting multiplies: 10,000 × 10,000.
    'RETURN size([x IN range(1, 10000) | [y IN range(1, 10000) | y]])',
    'RETURN all(a IN range(1, 1000) WHERE any(b IN range(1, 1000) WHERE a = b))',
    // Accumulators that grow from themselves, and replace() towers.
    "RETURN size(reduce(s = 'x', i IN range(1, 40) | s + s))",
    'RETURN size(reduce(l = [1], i IN range(1, 40) | l + [y IN l | y]))',
    "RETURN size(reduce(s = 'ab', i IN range(1, 60) | replace(s, 'a', 'aa')))",
    "RETURN replace(replace(replace(replace('a', 'a', 'aaaa'), 'a', 'aaaa'), 'a', 'aaaa'), 'a', 'aaaa')",
    // Comment and case tricks change nothing.
    'RETURN [x IN RANGE /* */ (1, 50000000) | x]',
    // The three bypasses an adversarial review found: size() plus a large number is large;
    // commas inside the step hide no doubling; a long literal split into characters is long.
    'RETURN size([x IN range(1, size([1]) + 50000000) | toString(x)]) AS n',
    'RETURN [x IN range(size([1]) - 50000000, 0) | x]',
    "RETURN size(reduce(s = 'x', i IN range(1, 40) | coalesce(s, '') + coalesce(s, '')))",
    'RETURN size(reduce(l = [1], i IN range(1, 40) | [l, l]))',
  ])('refuses %s', (query) => {
    expect(code(query)).toBe('expression-size');
  });

  it('counts a literal split into characters as long as the literal', () => {
    const literal = 'a'.repeat(2000);
    expect(code(`RETURN size([c IN split('${literal}', '') | [x IN range(1, 1000) | c]])`)).toBe(
      'expression-size',
    );
  });

  it('reads parameters and their list lengths', () => {
    expect(code('RETURN [x IN range(1, $n) | x]', { n: 50_000_000 })).toBe('expression-size');
    expect(code('RETURN [x IN range(1, $n) | x]', { n: 50 })).toBeUndefined();
    const long = Array.from({ length: 1000 }, (_, i) => i);
    expect(code('RETURN [a IN $l | [b IN $l | a + b]]', { l: long })).toBe('expression-size');
    expect(code('RETURN [a IN $l | a]', { l: long })).toBeUndefined();
    const text = 'a'.repeat(1000);
    expect(code("RETURN [c IN split($t, '') | [d IN split($t, '') | c + d]]", { t: text })).toBe(
      'expression-size',
    );
    expect(code("RETURN [c IN split($t, '') | c]", { t: text })).toBeUndefined();
  });

  it('names the limit in its answer', () => {
    expect(expressionRefusal('RETURN range(1, 10^9)')?.detail).toContain(
      MAX_EXPRESSION_ELEMENTS.toLocaleString('en'),
    );
  });

  it.each([
    // Rows are streamed and stopped by the time limit, whatever their number.
    'UNWIND range(1, 1000000000000) AS x RETURN sum(x)',
    "UNWIND range(1, 900) AS i RETURN i, [x IN range(1, 300) | 'xxxxxxxxxxxxxxxxxxxx'] AS chunk",
    // What researchers write every day.
    'MATCH p = (a)-[*..4]-(b) RETURN [i IN range(0, size(nodes(p)) - 1) | nodes(p)[i].id] AS ids',
    'MATCH p = (a)-[*..3]-(b) RETURN reduce(total = 0, r IN relationships(p) | total + r.evidence_count) AS t',
    'MATCH (c:Commitment) WITH collect(c.ref) AS refs RETURN reduce(acc = [], r IN refs | CASE WHEN r IN acc THEN acc ELSE acc + r END) AS unique',
    "RETURN reduce(s = '', w IN ['a', 'b'] | s + ' ' + replace(w, '_', ' ')) AS text",
    'WITH 10 AS n RETURN [x IN range(1, n) | [y IN range(1, n) | x * y]] AS table',
    'WITH [1, 2, 3] AS transactions UNWIND transactions AS x RETURN x',
    "RETURN replace(replace('a-b_c', '-', ' '), '_', ' ')",
    "MATCH (n) WHERE n.name_en CONTAINS 'range(1, 99999999)' RETURN n.id",
    // Uses of the accumulator that measure it add nothing to it; a short literal split is short.
    "RETURN reduce(s = '', w IN ['a', 'b'] | left(s + w, size(s) + 1)) AS text",
    'RETURN reduce(acc = [], x IN [1, 2] | acc + [size(acc) + x]) AS numbered',
    'MATCH p = (a)-[*..2]-(b) RETURN [i IN range(1, size(nodes(p)) + 1) | i] AS positions',
    "RETURN [c IN split('a,b,c', ',') | [x IN range(1, 1000) | c]] AS grid",
    "MATCH (c:Commitment) RETURN [ch IN split(c.text_ja, '') | ch] AS characters",
  ])('lets %s through', (query) => {
    expect(expressionRefusal(query)).toBeUndefined();
  });
});
