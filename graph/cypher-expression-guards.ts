import { codeText } from './cypher-lexer';
import { type Refusal, refuse } from './cypher-policy';

/**
 * Work that Neo4j cannot stop. Rows are checked for termination as they flow, and collect or
 * sort are counted against the transaction's memory limit, but one expression is evaluated in
 * one go: `[x IN range(1, 50000000) | toString(x)]` fills the heap, `reduce(s = 'x', i IN
 * range(1, 40) | s + s)` doubles a string forty times, and neither the timeout nor TERMINATE
 * reaches them until they are done (if the server survives). Such expressions are refused
 * from the text, before Neo4j sees them, by bounding what one expression can iterate.
 *
 * What is checked, on the code text (strings emptied, comments removed):
 * - `range()` outside `UNWIND range(…)` (which streams rows and is stopped like any rows)
 *   must have bounds known before the run: numbers, parameters, names bound to such numbers
 *   (`WITH 10 AS n`), arithmetic on these, or size()/length() of a list or path plus such a
 *   number, which is what is counted;
 * - split() of a literal or parameter counts one element per character of it;
 * - iterations nest multiplicatively: the elements produced by nested list comprehensions,
 *   reduce(), all/any/none/single() over ranges, list literals and list parameters are at
 *   most MAX_EXPRESSION_ELEMENTS;
 * - reduce() must not grow its accumulator from itself (`s + s`, `replace(s, …)`), which is
 *   exponential in a few steps;
 * - replace() nests at most MAX_REPLACE_NESTING deep (each level can multiply the length).
 */
export const MAX_EXPRESSION_ELEMENTS = 100_000;
export const MAX_REPLACE_NESTING = 3;

type Token = { text: string; at: number };

const TOKEN =
  /\$?[\p{L}_][\p{L}\p{N}_$]*|0x[0-9a-f]+|\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?|''|\S/giu;

function tokenize(code: string): Token[] {
  return [...code.matchAll(TOKEN)].map((m) => ({ text: m[0], at: m.index }));
}

const upper = (t: Token | undefined) => t?.text.toUpperCase();
const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);

/** Index of the bracket closing the one at `open`, or the end when it is never closed. */
function closing(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (OPEN.has(tokens[i]!.text)) depth++;
    else if (CLOSE.has(tokens[i]!.text) && --depth === 0) return i;
  }
  return tokens.length;
}

/** The top-level comma-separated parts between tokens[open] and its closing bracket. */
function args(tokens: Token[], open: number): Token[][] {
  const end = closing(tokens, open);
  const parts: Token[][] = [[]];
  let depth = 0;
  for (let i = open + 1; i < end; i++) {
    const t = tokens[i]!.text;
    if (OPEN.has(t)) depth++;
    if (CLOSE.has(t)) depth--;
    if (t === ',' && depth === 0) parts.push([]);
    else parts.at(-1)!.push(tokens[i]!);
  }
  return parts;
}

type Known = ReadonlyMap<string, number>;

const NUMERIC_FUNCTIONS: Record<string, (x: number) => number> = {
  TOINTEGER: Math.trunc,
  TOFLOAT: (x) => x,
  ABS: Math.abs,
  ROUND: Math.round,
  FLOOR: Math.floor,
  CEIL: Math.ceil,
};

function parseNumber(text: string): number | undefined {
  const clean = text.replaceAll('_', '');
  const value = /^0x/i.test(clean) ? Number.parseInt(clean.slice(2), 16) : Number(clean);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The value of an arithmetic expression over numbers, parameters and known names, or
 * undefined when it depends on anything else (a property, a function of the data).
 */
export function staticValue(tokens: Token[], known: Known): number | undefined {
  let i = 0;
  const peek = () => tokens[i]?.text;
  const sum = (): number | undefined => {
    let value = product();
    while (peek() === '+' || peek() === '-') {
      const op = tokens[i++]!.text;
      const right = product();
      value =
        value === undefined || right === undefined
          ? undefined
          : op === '+'
            ? value + right
            : value - right;
    }
    return value;
  };
  const product = (): number | undefined => {
    let value = power();
    while (peek() === '*' || peek() === '/' || peek() === '%') {
      const op = tokens[i++]!.text;
      const right = power();
      if (value === undefined || right === undefined) value = undefined;
      else value = op === '*' ? value * right : op === '/' ? value / right : value % right;
    }
    return value;
  };
  const power = (): number | undefined => {
    const base = unary();
    if (peek() !== '^') return base;
    i++;
    const exponent = power();
    return base === undefined || exponent === undefined ? undefined : base ** exponent;
  };
  const unary = (): number | undefined => {
    if (peek() === '-') {
      i++;
      const value = unary();
      return value === undefined ? undefined : -value;
    }
    if (peek() === '+') i++;
    return primary();
  };
  const primary = (): number | undefined => {
    const token = tokens[i++];
    if (!token) return undefined;
    if (token.text === '(') {
      const value = sum();
      return tokens[i++]?.text === ')' ? value : undefined;
    }
    const fn = NUMERIC_FUNCTIONS[token.text.toUpperCase()];
    if (fn && peek() === '(') {
      i++;
      const value = sum();
      return tokens[i++]?.text === ')' && value !== undefined ? fn(value) : undefined;
    }
    if (/^[\d.]/.test(token.text)) return parseNumber(token.text);
    return known.get(token.text);
  };
  const value = sum();
  return i === tokens.length ? value : undefined;
}

/**
 * size(x) or length(x), optionally plus or minus a static number: the size is bounded by a
 * list or path that already exists (a list built in the expression is checked where it is
 * built), so only the number is counted. Returns that number (0 for a bare size), or
 * undefined when the part is something else. `size([1]) + 50000000` is 50,000,000: an
 * earlier guard counted any such part as small, and that range filled Neo4j's heap.
 */
function sizeOffset(tokens: Token[], known: Known): number | undefined {
  const [fn, open] = tokens;
  if (!fn || !open || open.text !== '(' || !/^(size|length)$/i.test(fn.text)) return undefined;
  const end = closing(tokens, 1);
  const rest = tokens.slice(end + 1);
  if (rest.length === 0) return 0;
  if (!/^[+-]$/.test(rest[0]!.text)) return undefined;
  const offset = staticValue(rest.slice(1), known);
  if (offset === undefined) return undefined;
  return rest[0]!.text === '+' ? offset : -offset;
}

/** A range bound as the console counts it: a static value, or size()/length() plus a static offset. */
function boundValue(tokens: Token[], known: Known): number | undefined {
  return staticValue(tokens, known) ?? sizeOffset(tokens, known);
}

/** `expr AS name` with a static expr: names a researcher binds to numbers (WITH 10 AS n). */
function knownNames(tokens: Token[], params: Record<string, unknown>): Map<string, number> {
  const known = new Map<string, number>();
  for (const [name, value] of Object.entries(params)) {
    const number = typeof value === 'bigint' ? Number(value) : value;
    if (typeof number === 'number') known.set(`$${name}`, number);
  }
  for (let i = 0; i < tokens.length - 1; i++) {
    if (upper(tokens[i]) !== 'AS') continue;
    let start = i - 1;
    let depth = 0;
    for (; start >= 0; start--) {
      const t = tokens[start]!.text;
      if (CLOSE.has(t)) depth++;
      else if (OPEN.has(t)) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (t === ',' || /^(WITH|RETURN|UNWIND|DISTINCT)$/i.test(t))) break;
    }
    const value = staticValue(tokens.slice(start + 1, i), known);
    if (value !== undefined) known.set(tokens[i + 1]!.text, value);
  }
  return known;
}

const ITERATING_FUNCTIONS = /^(reduce|all|any|none|single)$/i;

interface Iteration {
  /** The bracket that holds the iteration (its variable, source and body). */
  open: number;
  close: number;
  /** Where the body starts: elements are produced inside (open, close) after the source. */
  bodyFrom: number;
  elements: number;
}

/** The query's whole length: no string literal in it is longer (codeText() empties them). */
const QUERY_LENGTH = '#query-length';

function sourceSize(source: Token[], known: Known): number {
  const first = source[0];
  if (!first) return 1;
  if (/^range$/i.test(first.text) && source[1]?.text === '(') {
    const parts = args(source, 1);
    const [from, to, step] = parts.map((p) => boundValue(p, known));
    if (from === undefined || to === undefined) return 1;
    const by = parts[2] ? step : 1;
    if (by === undefined || by === 0) return 1;
    return Math.max(0, Math.floor((to - from) / by) + 1);
  }
  // split() of a literal or a parameter makes as many elements as the text has characters
  // (with '' as the separator): the literal's length is not in the code text, so the whole
  // query's length bounds it. split() of a property is bounded by the data, like other lists.
  if (/^split$/i.test(first.text) && source[1]?.text === '(') {
    const [text] = args(source, 1);
    if (text?.length === 1 && text[0]!.text === "''") return known.get(QUERY_LENGTH) ?? 1;
    if (text?.length === 1 && text[0]!.text.startsWith('$'))
      return known.get(`${text[0]!.text}#length`) ?? 1;
    return 1;
  }
  if (first.text === '[' && closing(source, 0) === source.length - 1) {
    return source.length === 2 ? 0 : args(source, 0).length;
  }
  if (first.text.startsWith('$') && source.length === 1)
    return known.get(`${first.text}#length`) ?? 1;
  return 1;
}

/** `[x IN source …]` and reduce/all/any/none/single(… x IN source …): each with its source's size. */
function iterations(tokens: Token[], known: Known): Iteration[] {
  const found: Iteration[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.text;
    let open: number | undefined;
    let variableAt: number | undefined;
    if (
      t === '[' &&
      /^[\p{L}_]/u.test(tokens[i + 1]?.text ?? '') &&
      upper(tokens[i + 2]) === 'IN'
    ) {
      open = i;
      variableAt = i + 1;
    } else if (ITERATING_FUNCTIONS.test(t) && tokens[i + 1]?.text === '(') {
      open = i + 1;
      const inAt = tokens.findIndex((tok, k) => k > open! && upper(tok) === 'IN');
      variableAt = inAt - 1;
    }
    if (open === undefined || variableAt === undefined || variableAt < 0) continue;
    const close = closing(tokens, open);
    let end = variableAt + 2;
    let depth = 0;
    for (; end < close; end++) {
      const s = tokens[end]!.text;
      if (OPEN.has(s)) depth++;
      else if (CLOSE.has(s)) depth--;
      else if (depth === 0 && (s === '|' || /^WHERE$/i.test(s))) break;
    }
    const source = tokens.slice(variableAt + 2, end);
    found.push({ open, close, bodyFrom: end, elements: sourceSize(source, known) });
  }
  return found;
}

const tooMany = (elements: number): Refusal =>
  refuse(
    'expression-size',
    `One expression here would produce about ${elements.toLocaleString('en')} elements; the console allows up to ${MAX_EXPRESSION_ELEMENTS.toLocaleString('en')} in one expression, because Neo4j cannot stop an expression half-way. Stream large ranges as rows instead (UNWIND range(…) AS x), which the time limit stops.`,
  );

function rangeRefusal(tokens: Token[], known: Known): Refusal | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (!/^range$/i.test(tokens[i]!.text) || tokens[i + 1]?.text !== '(') continue;
    if (upper(tokens[i - 1]) === 'UNWIND') continue;
    const parts = args(tokens, i + 1);
    for (const part of parts.slice(0, 3)) {
      if (boundValue(part, known) === undefined) {
        return refuse(
          'expression-size',
          `range() inside an expression needs bounds the console can read before running: numbers, parameters, names bound to numbers (WITH 10 AS n), or size()/length() of a list or path; "${part.map((t) => t.text).join(' ')}" is none of these. Stream it as rows instead (UNWIND range(…) AS x).`,
        );
      }
    }
    const size = sourceSize(tokens.slice(i, closing(tokens, i + 1) + 1), known);
    if (size > MAX_EXPRESSION_ELEMENTS) return tooMany(size);
  }
  return undefined;
}

function nestingRefusal(tokens: Token[], known: Known): Refusal | undefined {
  const all = iterations(tokens, known);
  for (const inner of all) {
    let elements = inner.elements;
    for (const outer of all) {
      if (outer !== inner && inner.open > outer.bodyFrom && inner.open < outer.close) {
        elements *= outer.elements;
      }
    }
    if (elements > MAX_EXPRESSION_ELEMENTS) return tooMany(elements);
  }
  return undefined;
}

/**
 * Where one use of the accumulator no longer adds to the next: the branches and conditions of
 * a CASE, and boolean operators. Commas do not end a segment: `coalesce(s, '') +
 * coalesce(s, '')` doubles s as surely as `s + s` (a comma-separated segment once hid it).
 */
const SEGMENT_BREAK = /^(CASE|WHEN|THEN|ELSE|END|AND|OR|XOR|NOT)$/i;
/** Functions whose value is a number, whatever they are given: a use inside them adds nothing. */
const MEASURING = /^(size|length|toInteger|toFloat|abs|sign)$/i;

function reduceRefusal(tokens: Token[]): Refusal | undefined {
  for (let i = 0; i < tokens.length; i++) {
    if (!/^reduce$/i.test(tokens[i]!.text) || tokens[i + 1]?.text !== '(') continue;
    const accumulator = tokens[i + 2]?.text;
    const close = closing(tokens, i + 1);
    const bar = tokens.findIndex((t, k) => k > i + 2 && k < close && t.text === '|');
    if (!accumulator || bar === -1) continue;
    const step = tokens.slice(bar + 1, close);
    const inside = (k: number, fn: RegExp) =>
      step
        .slice(0, k)
        .some((s, j) => fn.test(s.text) && step[j + 1]?.text === '(' && closing(step, j + 1) > k);
    let uses = 0;
    for (const [k, t] of step.entries()) {
      if (SEGMENT_BREAK.test(t.text)) uses = 0;
      if (t.text !== accumulator || step[k - 1]?.text === '.') continue;
      if (inside(k, MEASURING)) continue;
      uses++;
      if (uses > 1 || inside(k, /^replace$/i)) {
        return refuse(
          'expression-size',
          `reduce() here grows its accumulator ${accumulator} from itself, which doubles it at every step; Neo4j cannot stop an expression half-way, so the console refuses it. Build the value from the list's elements instead (e.g. ${accumulator} + x).`,
        );
      }
    }
  }
  return undefined;
}

function replaceRefusal(tokens: Token[]): Refusal | undefined {
  const open: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    while (open.length > 0 && i > open.at(-1)!) open.pop();
    if (/^replace$/i.test(tokens[i]!.text) && tokens[i + 1]?.text === '(') {
      open.push(closing(tokens, i + 1));
      if (open.length > MAX_REPLACE_NESTING) {
        return refuse(
          'expression-size',
          `replace() is nested ${open.length} deep here; the console allows ${MAX_REPLACE_NESTING}, since each level can multiply the text's length and Neo4j cannot stop an expression half-way.`,
        );
      }
    }
  }
  return undefined;
}

/** Refuses expressions whose work could outgrow what Neo4j can stop (see above). */
export function expressionRefusal(
  query: string,
  params: Record<string, unknown> = {},
): Refusal | undefined {
  const tokens = tokenize(codeText(query));
  const known = knownNames(tokens, params);
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value) || typeof value === 'string')
      known.set(`$${name}#length`, value.length);
  }
  known.set(QUERY_LENGTH, query.length);
  return (
    reduceRefusal(tokens) ??
    replaceRefusal(tokens) ??
    rangeRefusal(tokens, known) ??
    nestingRefusal(tokens, known)
  );
}
