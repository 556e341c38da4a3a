export interface Mark {
  start: number;
  end: number;
  /** What the marked words stand for, e.g. "underpins: Japan-Mongolia EPA". */
  label: string;
  type: string;
}

export type Segment = { text: string; mark: null } | { text: string; mark: Mark };

/**
 * Cuts a text into plain and marked runs for highlighting evidence. Marks outside the
 * text are ignored; where two overlap, the earlier one wins (and a second mark of the
 * same words, e.g. 外務省 linked to both ministries, joins its label).
 */
export function segmentText(text: string, marks: Mark[]): Segment[] {
  const valid = marks
    .filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Mark[] = [];
  for (const m of valid) {
    const last = merged.at(-1);
    if (last && m.start === last.start && m.end === last.end) {
      merged[merged.length - 1] = { ...last, label: `${last.label}; ${m.label}` };
    } else if (!last || m.start >= last.end) {
      merged.push(m);
    }
  }
  const out: Segment[] = [];
  let at = 0;
  for (const m of merged) {
    if (m.start > at) out.push({ text: text.slice(at, m.start), mark: null });
    out.push({ text: text.slice(m.start, m.end), mark: m });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: null });
  return out;
}
