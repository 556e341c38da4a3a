/**
 * Which pages may show Kizuna in a frame: the CSP's frame-ancestors sources, from config
 * KIZUNA_FRAME_ANCESTORS. Only the forms a deployer needs are accepted, so that a typo (a
 * comma, a path, a quote) stops the start rather than becoming a policy browsers ignore.
 */

/** The app's own pages only: an embed works on this origin until a deployer names others. */
export const SAME_ORIGIN_ONLY: readonly string[] = ["'self'"];

/** 'self', 'none', a scheme (https:), or an origin with an optional *. subdomain and port. */
const SOURCE =
  /^('self'|'none'|https?:|(https?:\/\/)?(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:(\d{1,5}|\*))?)$/i;

export const FRAME_ANCESTORS_HELP =
  "must be 'self', 'none', or origins such as https://reports.example.org (also https://*.example.org or https:), separated by spaces";

/** The sources, or why they are not a policy: each wrong one is named. */
export function parseFrameAncestors(value: string): string[] | { error: string } {
  const sources = value.trim().split(/\s+/).filter(Boolean);
  if (sources.length === 0) return { error: "must name at least one source ('self' by default)" };
  const bad = sources.filter((s) => !SOURCE.test(s));
  if (bad.length) return { error: `${FRAME_ANCESTORS_HELP}; not ${bad.join(', ')}` };
  if (sources.some((s) => s.toLowerCase() === "'none'") && sources.length > 1)
    return { error: "'none' must stand alone: it forbids every frame" };
  return sources;
}

/**
 * The X-Frame-Options that says the same as the policy, for browsers that read only it:
 * SAMEORIGIN or DENY, or none at all when other origins may frame the app, since
 * X-Frame-Options cannot name them (and would forbid what the policy allows).
 */
export function frameOptionsFor(sources: readonly string[]): 'sameorigin' | 'deny' | false {
  const only = sources.length === 1 ? sources[0]!.toLowerCase() : null;
  if (only === "'self'") return 'sameorigin';
  if (only === "'none'") return 'deny';
  return false;
}
