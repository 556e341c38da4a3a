import type {
  AssessmentHistoryResponse,
  ImplementationResponse,
} from '../../core/api/implementation';
import type { AssessmentFields } from '../../core/model/implementation';
import { call } from '../timeline/events-api';

/**
 * Typed calls to /api/implementation: where every commitment stands on a day, one
 * commitment's kept history, and an editor's new assessment (CSRF token, and If-Match with
 * the revision the editor saw, so a stale form gets 409 instead of writing over another's).
 */

const enc = encodeURIComponent;

export const implementationApi = {
  standings: (day: string) =>
    call<ImplementationResponse>('GET', `/api/implementation?as_of=${enc(day)}`),
  history: (ref: string) =>
    call<AssessmentHistoryResponse>('GET', `/api/implementation/${enc(ref)}`),
  assess: (ref: string, revision: number, fields: AssessmentFields, csrf: string | null) =>
    call<AssessmentHistoryResponse>('POST', `/api/implementation/${enc(ref)}`, {
      body: fields,
      csrf,
      version: revision,
    }),
};
