/** A new event's request body: the I.3.2 example the e2e test also uses, with a source. */
export const eventBody = (patch: Record<string, unknown> = {}) => ({
  date: '2026-05-12',
  kind: 'visit',
  title_en: 'JGSDF engineers visit the Mongolian Armed Forces',
  title_ja: '陸上自衛隊施設部隊のモンゴル軍訪問',
  summary_en: 'A test visit recorded by an analyst.',
  source_url: 'https://www.mod.go.jp/en/',
  source_publisher: 'Ministry of Defense of Japan',
  source_accessed: '2026-11-30',
  certainty: 'confirmed',
  advances: [{ ref: 'I.3.2', reason: 'A unit exchange under the defence memorandum.' }],
  involves: ['mod-jp', 'mn-armed-forces'],
  under: ['jp-mn-defence-mou'],
  part_of: [],
  ...patch,
});
