import type { ResearchQuery } from '../../../core/api/cypher';

/**
 * Curated starting points for researchers, served at GET /api/cypher/library. Each runs
 * through the console's guards like any typed query (tests/integration/cypher-library.test.ts
 * runs them all on the seeded plan and checks their answers).
 */
export const RESEARCH_QUERIES: ResearchQuery[] = [
  {
    id: 'mous-underpin',
    title_en: 'Which memoranda underpin which commitments',
    title_ja: 'どの覚書がどの取組を支えているか',
    description:
      'Memoranda of understanding and cooperation, and the commitments the plan carries out under them.',
    description_ja: '了解覚書・協力覚書と、行動計画がその下で実施する取組。',
    cypher: `// Memoranda (MOUs and MOCs) and the commitments they underpin.
// cue is the Japanese that makes the link: に基づく (based on), の下で (under), の実施 (carrying out) …
MATCH (a:Agreement {agreement_type: 'memorandum'})-[u:UNDERPINS]->(c:Commitment)
RETURN a.name_en AS memorandum, c.ref AS ref, c.title_en AS commitment, u.cue AS cue
ORDER BY ref, memorandum`,
  },
  {
    id: 'agreements-underpin',
    title_en: 'Every agreement behind a commitment, with its evidence',
    title_ja: '取組の根拠となる全ての合意と、その根拠となる文言',
    description:
      'All UNDERPINS links, whatever the kind of agreement, with the words of the plan each one was read from.',
    description_ja:
      '合意の種類を問わず全ての UNDERPINS の関係と、それぞれを読み取った行動計画の文言。',
    cypher: `// Every UNDERPINS relationship: an agreement in force that a commitment builds on.
// evidence is the agreement's name as the plan writes it, inside the commitment's text.
MATCH (a:Agreement)-[u:UNDERPINS]->(c:Commitment)
RETURN a.agreement_type AS type, a.name_en AS agreement, c.ref AS ref,
       u.evidence AS evidence, u.cue AS cue
ORDER BY ref, agreement`,
  },
  {
    id: 'agreements-by-status',
    title_en: 'Agreements by status, with what they underpin',
    title_ja: '状態別の合意と、それが支える取組',
    description:
      'Each instrument with the status the plan gives it (2022-11-29) and the latest status a public record gives, with its date and source, and the commitments resting on it.',
    description_ja:
      '各合意について、行動計画が示す状態（2022-11-29）と、公開記録が示す最新の状態およびその日付と出典、ならびにそれに基づく取組。',
    cypher: `// status_in_plan: what the plan says on 2022-11-29 (adopted, in_effect, in_force,
// under_consideration …; null for a renewal the plan does not name);
// status: the latest public record, as of status_as_of, from status_source (a URL).
// OPTIONAL MATCH keeps agreements that underpin nothing; DISTINCT lists each commitment once.
MATCH (a:Agreement)
OPTIONAL MATCH (a)-[:UNDERPINS]->(c:Commitment)
WITH a, c ORDER BY c.ref
RETURN a.status_in_plan AS status_in_plan, a.agreement_type AS type, a.name_en AS agreement,
       collect(DISTINCT c.ref) AS underpins,
       a.status AS status, a.status_as_of AS status_as_of, a.status_source AS status_source
ORDER BY status_in_plan, agreement`,
  },
  {
    id: 'works-towards',
    title_en: 'Agreements the plan only works towards',
    title_ja: '行動計画が締結・策定を目指す合意',
    description: 'Instruments not yet in force that a commitment aims to bring about.',
    description_ja: '取組が実現を目指す、まだ発効していない合意。',
    cypher: `// WORKS_TOWARDS: the commitment aims at an agreement not in force when the plan was adopted;
// status is what a public record says since, as of status_as_of.
MATCH (c:Commitment)-[w:WORKS_TOWARDS]->(a:Agreement)
RETURN c.ref AS ref, a.name_en AS agreement, a.status_in_plan AS status_in_plan,
       w.evidence AS evidence, a.status AS status, a.status_as_of AS status_as_of
ORDER BY ref`,
  },
  {
    id: 'agencies-ranked',
    title_en: 'Agencies ranked by involvement',
    title_ja: '関与する取組の数による機関の順位',
    description:
      'Every agency the plan involves, by the number of commitments that name it, with the roles it plays.',
    description_ja:
      '行動計画に関わる全ての機関を、その機関を挙げる取組の数の順に、果たす役割とともに示す。',
    cypher: `// INVOLVES links a commitment to an agency or country; role is its semantic role
// (actor, partner, beneficiary, location, mentioned, subject_of_concern).
MATCH (a:Agency)<-[i:INVOLVES]-(c:Commitment)
RETURN a.name_en AS agency, a.country AS country,
       count(DISTINCT c) AS commitments, collect(DISTINCT i.role) AS roles
ORDER BY commitments DESC, agency`,
  },
  {
    id: 'soft-commitments',
    title_en: 'Commitments that are only reviews',
    title_ja: '検討・意見交換にとどまる取組',
    description:
      'Commitments whose verb only promises to consider, study or exchange views (soft = true).',
    description_ja: '動詞が検討・研究・意見交換を約束するにとどまる取組（soft = true）。',
    cypher: `// soft is true where the plan only promises to consider (検討), study (調査) or exchange views.
// action_ja is the Japanese verb it was read from.
MATCH (c:Commitment {soft: true})
RETURN c.ref AS ref, c.action AS action, c.action_ja AS verb_ja, c.title_en AS commitment
ORDER BY c.line_start`,
  },
  {
    id: 'jp-mn-actors-meet',
    title_en: 'Japanese and Mongolian actors that meet in the same commitment',
    title_ja: '同じ取組で出会う日本側とモンゴル側の主体',
    description:
      'Pairs of a Japanese and a Mongolian agency or government named by one commitment.',
    description_ja: '一つの取組に挙げられた、日本側とモンゴル側の機関または政府の組み合わせ。',
    cypher: `// Agencies carry country JP or MN; so do the two Country nodes (Japan, Mongolia).
MATCH (j)<-[:INVOLVES]-(c:Commitment)-[:INVOLVES]->(m)
WHERE j.country = 'JP' AND m.country = 'MN'
RETURN c.ref AS ref, collect(DISTINCT j.name_en) AS japanese, collect(DISTINCT m.name_en) AS mongolian
ORDER BY ref`,
  },
  {
    id: 'themes-by-pillar',
    title_en: 'Themes by pillar',
    title_ja: '柱ごとのテーマ',
    description: 'How many commitments of each pillar carry each theme tag.',
    description_ja: '各柱で、それぞれのテーマタグが付いた取組の数。',
    cypher: `// pillar_ref is the commitment's pillar (I–IV); a commitment may carry several themes.
MATCH (c:Commitment)-[:TAGGED]->(t:Theme)
RETURN c.pillar_ref AS pillar, t.name_en AS theme, count(DISTINCT c) AS commitments
ORDER BY pillar, commitments DESC, theme`,
  },
  {
    id: 'paths-between-actors',
    title_en: 'Paths between two named actors',
    title_ja: '二つの主体をつなぐ経路',
    description:
      'The shortest chains linking two nodes by id (change $from and $to), through commitments, agreements and programmes.',
    description_ja:
      'id で指定した二つのノード（$from と $to を変更）を、取組・合意・プログラムを経由して結ぶ最短経路。',
    cypher: `// The plan's hierarchy (PART_OF), theme tags (TAGGED) and the preamble's parties
// (UNDERTAKEN_BY) would join any two nodes, and so would a country (every ministry
// BELONGS_TO one): paths through them are left out.
// Returns the paths themselves, ready to draw.
MATCH (a {id: $from})
MATCH (b {id: $to})
MATCH path = allShortestPaths((a)-[*..6]-(b))
WHERE none(r IN relationships(path) WHERE type(r) IN ['PART_OF', 'TAGGED', 'UNDERTAKEN_BY'])
  AND none(n IN nodes(path)[1..-1] WHERE n:Country)
RETURN [n IN nodes(path) | coalesce(n.ref, n.id)] AS via, length(path) AS hops, path
LIMIT 25`,
    params: { from: 'mod-jp', to: 'un' },
  },
  {
    id: 'programmes-implement',
    title_en: 'What each programme implements',
    title_ja: '各プログラムが実施する取組',
    description:
      'Exchanges, scholarships, exercises and projects, with the commitments carried out through them.',
    description_ja: '交流、奨学金、演習、プロジェクトと、それらを通じて実施される取組。',
    cypher: `// IMPLEMENTED_VIA: the commitment is carried out through the programme.
MATCH (p:Program)<-[:IMPLEMENTED_VIA]-(c:Commitment)
RETURN p.program_type AS type, p.name_en AS programme, collect(c.ref) AS commitments
ORDER BY type, programme`,
  },
  {
    id: 'un-frameworks',
    title_en: 'UN frameworks and the commitments aligned with them',
    title_ja: '国連の枠組と、それに沿う取組',
    description:
      'United Nations bodies and treaties the plan names, by how many commitments align with each.',
    description_ja: '行動計画が挙げる国連の機関と条約を、それぞれに沿う取組の数の順に示す。',
    cypher: `// scope is UN, multilateral or national_policy.
MATCH (f:Framework {scope: 'UN'})<-[:ALIGNS_WITH]-(c:Commitment)
WITH f, c ORDER BY c.ref
RETURN f.name_en AS framework, count(DISTINCT c) AS commitments, collect(DISTINCT c.ref) AS refs
ORDER BY commitments DESC, framework`,
  },
  {
    id: 'direction-by-pillar',
    title_en: 'Direction of support per pillar',
    title_ja: '柱ごとの支援の方向',
    description:
      'Who supports whom: commitments where Japan supports Mongolia (jp_to_mn), the reverse (mn_to_jp), or both act together (mutual). A mixed bullet counts under each direction it states.',
    description_ja:
      '誰が誰を支援するか：日本がモンゴルを支援する取組（jp_to_mn）、その逆（mn_to_jp）、両国が共に行う取組（mutual）。方向が混在する項目は、示す方向ごとに数える。',
    cypher: `// directions lists every direction a bullet states (jp_to_mn, mn_to_jp, mutual), each with
// its words in direction_evidences; direction alone is the first of them.
MATCH (c:Commitment)
UNWIND c.directions AS direction
RETURN c.pillar_ref AS pillar, direction, count(DISTINCT c) AS commitments
ORDER BY pillar, direction`,
  },
  {
    id: 'mongolian-actors',
    title_en: 'Commitments with a Mongolian actor',
    title_ja: 'モンゴル側が主体となる取組',
    description:
      'Commitments in which Mongolia or a Mongolian agency is the actor, with the words that make it one and whether the text says so or curation judged it.',
    description_ja:
      'モンゴルまたはモンゴルの機関が主体である取組と、それを主体とする文言、そして本文がそう述べているのかキュレーションで判断したのか。',
    cypher: `// role is the semantic role; role_evidence is the words deciding it, and role_asserted_by
// says whether the text states it (text) or a documented judgement does (curation, see role_note).
MATCH (c:Commitment)-[i:INVOLVES {role: 'actor'}]->(m)
WHERE m.country = 'MN'
RETURN c.ref AS ref, c.title_en AS commitment, m.name_en AS actor,
       i.role_evidence AS evidence, i.role_asserted_by AS asserted_by
ORDER BY c.line_start, actor`,
  },
  {
    id: 'mongolia-for-japan',
    title_en: 'What Mongolia commits to do for Japan',
    title_ja: 'モンゴルが日本のために行う取組',
    description:
      'Every commitment stating a direction from Mongolia to Japan, with the words that state it; mixed bullets show only their Mongolia-to-Japan part.',
    description_ja:
      'モンゴルから日本への方向を示す全ての取組と、それを示す文言。方向が混在する項目は、モンゴルから日本への部分だけを示す。',
    cypher: `// directions and direction_evidences are parallel lists: the i-th words state the i-th direction.
MATCH (c:Commitment)
WHERE 'mn_to_jp' IN c.directions
UNWIND range(0, size(c.directions) - 1) AS i
WITH c, i WHERE c.directions[i] = 'mn_to_jp'
RETURN c.ref AS ref, c.title_en AS commitment, c.direction_evidences[i] AS evidence,
       c.direction_asserted_bys[i] AS asserted_by, c.line_start AS line
ORDER BY line`,
  },
  {
    id: 'timeline',
    title_en: 'Timeline of the instruments and the plan',
    title_ja: '合意と行動計画の年表',
    description:
      'When each agreement was signed and entered into force, when the plan was adopted, and the years its commitments name, in date order with the precision of each date.',
    description_ja:
      '各合意の署名と発効の時期、行動計画の採択の時期、取組が挙げる年を、日付順に、各日付の精度とともに示す。',
    cypher: `// Dates are ISO strings (YYYY, YYYY-MM or YYYY-MM-DD); precision says which (year, month, day),
// so they sort in time order as text. source is where a public record gives the date.
CALL () {
  MATCH (a:Agreement) WHERE a.signed IS NOT NULL
  RETURN a.signed AS date, a.signed_precision AS precision, 'signed' AS event,
         a.name_en AS what, a.date_source AS source
  UNION ALL
  MATCH (a:Agreement) WHERE a.in_force IS NOT NULL
  RETURN a.in_force AS date, a.in_force_precision AS precision, 'in force' AS event,
         a.name_en AS what, a.date_source AS source
  UNION ALL
  MATCH (p:Plan)
  RETURN p.adopted AS date, p.adopted_precision AS precision, 'plan adopted' AS event,
         p.name_en AS what, null AS source
  UNION ALL
  MATCH (c:Commitment) WHERE c.years_stated IS NOT NULL
  UNWIND c.years_stated AS year
  RETURN toString(year) AS date, 'year' AS precision, 'named by ' + c.ref AS event,
         c.title_en AS what, null AS source
}
RETURN date, precision, event, what, source
ORDER BY date, event`,
  },
  {
    id: 'targets',
    title_en: 'Quantified targets',
    title_ja: '数値目標',
    description: 'The numbers the plan commits to, with the words they come from.',
    description_ja: '行動計画が約束する数値と、その元になった文言。',
    cypher: `// period_years is null where the plan gives no period.
MATCH (c:Commitment)-[:SETS]->(t:Target)
RETURN c.ref AS ref, t.quantity AS quantity, t.unit AS unit, t.approximate AS approximate,
       t.period_years AS years, t.evidence AS evidence
ORDER BY quantity DESC`,
  },
  {
    id: 'unlinked-commitments',
    title_en: 'Commitments that name no entity',
    title_ja: '主体や文書を一つも挙げない取組',
    description:
      'Commitments whose own words link them to no agency, country, agreement, programme, framework or place: the plan states them without saying who or under what (both countries are still their parties, by the preamble).',
    description_ja:
      '本文が機関、国、合意、プログラム、枠組、場所のいずれとも結び付けていない取組：行動計画は、誰が、何に基づいて行うかを述べずにそれらを掲げている（前文により、両国は引き続き当事国である）。',
    cypher: `// Theme tags, the plan's hierarchy and the preamble's parties (UNDERTAKEN_BY, on every
// commitment) do not count as naming an entity.
MATCH (c:Commitment)
WHERE NOT EXISTS {
  MATCH (c)-[r]-(:Agency|Agreement|Program|Framework|Country|Place)
  WHERE type(r) <> 'UNDERTAKEN_BY'
}
RETURN c.ref AS ref, c.title_en AS commitment
ORDER BY c.line_start`,
  },
  {
    id: 'who-acts',
    title_en: 'Who acts in each commitment: named actors and the preamble’s parties',
    title_ja: '各取組の主体：本文が挙げる主体と前文の当事国',
    description:
      'For every commitment, the actors its own words name (INVOLVES with role actor) beside the parties the preamble makes of both countries (UNDERTAKEN_BY, asserted by the preamble), so either can be counted.',
    description_ja:
      '各取組について、本文が挙げる主体（role が actor の INVOLVES）と、前文が両国を当事国とすること（前文による UNDERTAKEN_BY）を並べる。どちらも数えられる。',
    cypher: `// Named actors come from the commitment's text; the preamble's sentence
// 両国は以下の分野における個別の協力を推進していくことを確認する makes both countries parties to all.
MATCH (c:Commitment)
RETURN c.ref AS ref,
       COLLECT { MATCH (c)-[:INVOLVES {role: 'actor'}]->(a) RETURN a.name_en ORDER BY a.name_en } AS named_actors,
       COLLECT { MATCH (c)-[:UNDERTAKEN_BY]->(p:Country) RETURN p.name_en ORDER BY p.name_en } AS preamble_parties
ORDER BY c.line_start`,
  },
  {
    id: 'provenance',
    title_en: "The provenance of a commitment's links",
    title_ja: '取組の各関係の出典',
    description:
      'Every relationship of one commitment (change $ref) with the Japanese words it was read from, cut out of the text again by its offsets.',
    description_ja:
      '一つの取組（$ref を変更）の全ての関係と、それを読み取った日本語の文言（オフセットで本文から改めて切り出したもの）。',
    cypher: `// evidence_start and evidence_end are offsets into text_ja (UTF-16 code units, as substring counts),
// so in_text, cut out of the commitment's own text, must equal evidence.
MATCH (c:Commitment {ref: $ref})-[r]-(other)
WHERE r.evidence_start IS NOT NULL
RETURN type(r) AS type, coalesce(other.name_en, other.id) AS other, r.evidence AS evidence,
       substring(c.text_ja, r.evidence_start, r.evidence_end - r.evidence_start) AS in_text
ORDER BY r.evidence_start`,
    params: { ref: 'I.3.2' },
  },
  {
    id: 'fulltext-search',
    title_en: 'Full-text search in Japanese',
    title_ja: '日本語の全文検索',
    description:
      'Searches names, aliases, titles and texts through the kizuna_text_ja index (cjk analyzer); kizuna_text_en does the same in English.',
    description_ja:
      'kizuna_text_ja インデックス（cjk アナライザー）で名称・別名・表題・本文を検索する。kizuna_text_en は英語で同じことを行う。',
    cypher: `// $q is Lucene syntax: quotes for a phrase, AND / OR, * for a prefix.
CALL db.index.fulltext.queryNodes('kizuna_text_ja', $q) YIELD node, score
RETURN coalesce(node.ref, node.id) AS hit, labels(node)[0] AS label, node.name_en AS name, score
ORDER BY score DESC
LIMIT 10`,
    params: { q: '"国連PKO"' },
  },
  {
    id: 'agency-hierarchy',
    title_en: 'Agency hierarchy',
    title_ja: '機関の組織系統',
    description: 'The chain from each agency up to its country, through the bodies it belongs to.',
    description_ja: '各機関から、それが属する組織を経て、その国に至るまでの系統。',
    cypher: `// BELONGS_TO points from a unit to its parent: school → force → ministry → country.
MATCH path = (a:Agency)-[:BELONGS_TO*]->(top:Country)
RETURN a.name_en AS agency, [n IN nodes(path) | n.name_en] AS chain
ORDER BY size(chain) DESC, agency`,
  },
  {
    id: 'commitment-neighbourhood',
    title_en: 'A commitment and everything it names, to draw',
    title_ja: '取組とその関係先（図示用）',
    description:
      'One commitment (change $ref) with its relationships and neighbours in the plan as nodes and relationships, for drawing (events that advance it are left out: they are not named by it).',
    description_ja:
      '一つの取組（$ref を変更）と、行動計画におけるその関係と隣接先を、図示用にノードと関係として返す（取組を進める出来事は含めない：取組が挙げるものではないため）。',
    cypher: `// Returns nodes and relationships themselves: each keeps its labels or type,
// its properties and its elementId, so a client can draw them. :Entity keeps to the
// plan's own nodes; analysts' events are not.
MATCH (c:Commitment {ref: $ref})-[r]-(n:Entity)
RETURN c, r, n
ORDER BY type(r), n.id`,
    params: { ref: 'I.3.4' },
  },
  {
    id: 'labels-counted',
    title_en: 'What the graph holds: labels and counts',
    title_ja: 'グラフの中身：ラベルと件数',
    description:
      "Each kind of node with its number of nodes, from the db.labels() procedure (leaving out Entity, the label every plan node shares, the stored layout, the note of when the console's copy was taken, and labels with no node left).",
    description_ja:
      'db.labels() プロシージャによる、ノードの種類ごとのノード数（行動計画の全ノードに共通のラベル Entity、保存されたレイアウト、コンソールの複製を取った時点の記録、ノードが一つも残っていないラベルは除く）。',
    cypher: `// db.labels() lists the labels the database knows; the subquery counts each one's nodes.
// Entity is on every plan node (its id is unique under it); DefaultLayout holds positions;
// ConsoleSnapshot says when the console's copy was taken; the loader's staging labels hold
// nodes only while a seeding runs.
CALL db.labels() YIELD label
WITH label WHERE NOT label IN ['Entity', 'DefaultLayout', 'ConsoleSnapshot']
CALL (label) {
  MATCH (n) WHERE label IN labels(n)
  RETURN count(n) AS nodes
}
WITH label, nodes WHERE nodes > 0
RETURN label, nodes
ORDER BY label`,
  },
];
