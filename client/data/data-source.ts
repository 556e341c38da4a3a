import type { Session } from '../../core/api/auth';
import type { GraphView } from '../../core/api/graph';
import type { HealthResponse } from '../../core/api/health';
import type {
  AssessmentHistoryResponse,
  ImplementationResponse,
} from '../../core/api/implementation';
import type { Neighbourhood, NodeDetails } from '../../core/api/nodes';
import type { Paths } from '../../core/api/paths';
import type { SearchResponse } from '../../core/api/search';
import type { AssessmentFields } from '../../core/model/implementation';
import type { Orientation, PaperName } from '../../core/model/paper';
import type { PublishedManifest } from '../../core/published/site-files';
import type { PathOptions } from '../api';
import type { EventFields, KizunaEvent } from '../timeline/events-api';

/**
 * Where the explorer's data comes from: the live API, or the files of a published copy
 * (npm run publish). Chosen once at start (choose-source.ts) and handed to the views, so
 * that one client serves both and no view knows which it reads. Reads fail as the API's
 * do (ApiError from client/api.ts, WriteProblem from the events' calls), so views catch
 * the same errors whichever source answered.
 */
export interface DataSource {
  /** A published copy's manifest (dataset version, day published); null for the live app. */
  readonly edition: 'live' | 'published';
  manifest(): Promise<PublishedManifest | null>;
  health(): Promise<HealthResponse>;
  /** The whole plan with its stored default positions. */
  wholePlan(): Promise<GraphView>;
  node(id: string): Promise<NodeDetails>;
  neighbours(id: string): Promise<Neighbourhood>;
  /** The path finder's question; null where there is no server to find paths. */
  readonly paths: ((from: string, to: string, options: PathOptions) => Promise<Paths>) | null;
  /** The plan's search (twelve results), with the server's folding, synonyms and ranking. */
  search(q: string, signal?: AbortSignal): Promise<SearchResponse>;
  /** The dated events; deleted ones too when an editor asks (the live app only keeps them). */
  events(includeDeleted: boolean): Promise<KizunaEvent[]>;
  /** Who is signed in; a read-only copy answers "signed out" without asking anyone. */
  session(): Promise<Session>;
  /** Where every commitment stood on a day. */
  standings(day: string): Promise<ImplementationResponse>;
  /** One commitment's kept assessment history. */
  history(ref: string): Promise<AssessmentHistoryResponse>;
  /** Signing in and every write; null in a read-only copy (the sign-in control is not shown). */
  readonly writes: DataWrites | null;
  /** Where the dataset bundle (the whole graph in CSV, JSON, JSON-LD, Cypher) downloads from. */
  bundleUrl(lang: string, withEvents: boolean): string;
  /** The exports only a server makes; null where there is none (the export dialog says so). */
  readonly serverExports: ServerExports | null;
}

/** What an editor can do, with the session's CSRF token and If-Match on the version seen. */
export interface DataWrites {
  signIn(name: string, password: string): Promise<Session>;
  signOut(csrf: string | null): Promise<void>;
  createEvent(fields: EventFields, csrf: string | null): Promise<KizunaEvent>;
  updateEvent(
    id: string,
    version: number,
    fields: EventFields,
    csrf: string | null,
  ): Promise<KizunaEvent>;
  removeEvent(id: string, version: number, csrf: string | null): Promise<KizunaEvent>;
  restoreEvent(id: string, version: number, csrf: string | null): Promise<KizunaEvent>;
  assess(
    ref: string,
    revision: number,
    fields: AssessmentFields,
    csrf: string | null,
  ): Promise<AssessmentHistoryResponse>;
}

/** The exports the live server writes: the whole graph in one data format, PDF printing. */
export interface ServerExports {
  /** Where the whole graph in a data format downloads from. */
  wholeGraphUrl(format: string, lang: string, withEvents: boolean): string;
  /** SVG pages printed to one PDF. */
  printPdf(
    svgs: string[],
    title: string,
    paper: PaperName,
    orientation: Orientation,
  ): Promise<Blob>;
}
