import {
  type ExportEdge,
  type ExportGraph,
  type ExportNode,
  SOURCE_LINE,
} from '../../core/formats/export-graph';

/**
 * One small graph for the export-format tests: a commitment whose values hold everything a
 * format must escape or refuse, a theme with an empty list, and the TAGGED edge between them.
 */

/** Markup, both quotes, a backslash, a would-be escape, separators, Japanese and line breaks. */
export const NASTY = 'He said "hi" & \'bye\' <ok> \\ \\u0027 ; , 「引用」\n二行目\r\tタブ';
/** Characters XML 1.0 cannot carry (C0 controls, U+FFFE, a lone surrogate) among ones it can. */
export const CONTROL = 'a\u0001b\u0008c\u000Bd\u001Fe\uFFFEf\uD800g😀h\u2028i';
export const CONTROL_IN_XML = 'abcdefg😀h\u2028i';

export function node(overrides: Partial<ExportNode> = {}): ExportNode {
  return {
    id: 'jp-mn-2022/I.3.2',
    kind: 'Commitment',
    properties: {
      id: 'jp-mn-2022/I.3.2',
      name_ja: '日本「引用」&<タグ>',
      name_en: NASTY,
      text_ja: CONTROL,
      aliases: ['自衛隊', 'A&B "x"'],
      line_start: 12,
      soft: true,
      big: 2 ** 40,
      ratio: 0.5,
      empty: '',
    },
    position: { x: 1.5, y: -20 },
    ...overrides,
  };
}

export const theme: ExportNode = {
  id: 'theme/non_proliferation',
  kind: 'Theme',
  properties: {
    id: 'theme/non_proliferation',
    name_ja: '不拡散',
    name_en: 'Non-proliferation',
    aliases: [],
  },
};

export function edge(overrides: Partial<ExportEdge> = {}): ExportEdge {
  const key = 'TAGGED|jp-mn-2022/I.3.2|theme/non_proliferation|0';
  return {
    id: key,
    source: 'jp-mn-2022/I.3.2',
    target: 'theme/non_proliferation',
    type: 'TAGGED',
    properties: {
      key,
      evidence: '不拡散「x」&\n',
      evidence_start: 3,
      evidence_end: 9,
      role: 'actor',
      cue: 'の下で',
    },
    ...overrides,
  };
}

export function graph(nodes: ExportNode[] = [node(), theme], edges = [edge()]): ExportGraph {
  return {
    metadata: {
      title: 'Test <view> & "title"',
      source: SOURCE_LINE,
      exportedAt: '2025-01-31',
      language: 'en',
    },
    nodes,
    edges,
  };
}
