import { type Response, Router } from 'express';
import {
  assessmentBody,
  implementationParams,
  implementationQuery,
} from '../../../core/api/implementation';
import { implementationOn } from '../../../core/model/implementation-standing';
import type { Graph } from '../../../graph/graph';
import {
  type AssessmentHistory,
  appendAssessment,
  evidenceProblems,
  readAssessments,
  readCommitmentRefs,
  readHistory,
} from '../../../graph/implementation/assessment-store';
import { dataChanged } from '../../http/data-version';
import { ifMatchVersion } from '../../http/if-match';
import { HttpProblem } from '../../http/problem';
import { validate, validated } from '../../http/validate';
import { sessionOf, writeGuard } from '../auth/session';

/** The day the server's clock is on (UTC): "as of today" when no day is asked for. */
const today = () => new Date().toISOString().slice(0, 10);

const etagOf = (history: AssessmentHistory) => `"${history.revision}"`;

const unknownCommitment = (ref: string) =>
  new HttpProblem(404, 'Unknown commitment', `The plan has no commitment "${ref}".`, {
    field: 'ref',
  });

/**
 * GET /api/implementation: where every commitment stood on a day; GET and POST
 * /api/implementation/{ref}: one commitment's history, and an editor's new reading of it
 * (session, CSRF, If-Match on the revision, audited), under the events' rules.
 */
export function implementationRouter(graph: Graph): Router {
  const router = Router();

  router.get('/', validate('query', implementationQuery), async (_req, res) => {
    const q = validated(res, 'query', implementationQuery);
    const day = q.as_of ?? today();
    const [commitments, assessments] = await Promise.all([
      readCommitmentRefs(graph),
      readAssessments(graph, day),
    ]);
    res
      .set('Cache-Control', 'no-cache')
      .json(
        implementationOn(commitments, assessments, day, { pillar: q.pillar, status: q.status }),
      );
  });

  router.get('/:ref', validate('params', implementationParams), async (_req, res) => {
    const { ref } = validated(res, 'params', implementationParams);
    const history = await readHistory(graph, ref);
    if (!history) throw unknownCommitment(ref);
    res.set('ETag', etagOf(history)).set('Cache-Control', 'no-cache').json(history);
  });

  const actor = (res: Response) => sessionOf(res).account!.name;

  router.post(
    '/:ref',
    ...writeGuard('editor'),
    validate('params', implementationParams),
    validate('body', assessmentBody),
    async (req, res) => {
      const { ref } = validated(res, 'params', implementationParams);
      const revision = ifMatchVersion(req);
      if (revision === null)
        throw new HttpProblem(
          428,
          'If-Match required',
          'Send the ETag of the history you read (GET /api/implementation/{ref}) in If-Match, so a reading made meanwhile is never passed over.',
          { field: 'If-Match' },
        );
      const fields = validated(res, 'body', assessmentBody);
      if (fields.as_of > today())
        throw new HttpProblem(
          400,
          'Invalid request',
          `Body field 'as_of': must not be after today (${today()}).`,
          { field: 'as_of' },
        );
      const problems = await evidenceProblems(graph, fields);
      if (problems.length > 0) {
        const first = problems[0]!;
        throw new HttpProblem(
          400,
          'Invalid request',
          `Body field '${first.field}': ${first.message}.`,
          { field: first.field, errors: problems },
        );
      }
      const outcome = await appendAssessment(graph, ref, revision, fields, actor(res));
      if (outcome.status === 'missing') throw unknownCommitment(ref);
      if (outcome.status === 'conflict')
        throw new HttpProblem(
          409,
          'Edit conflict',
          `${ref} was assessed meanwhile: its history is now at revision ${outcome.current.revision}, not ${revision}. Nothing was saved.`,
          { current: outcome.current, yours: fields },
        );
      dataChanged(graph);
      res
        .status(201)
        .set('Location', `/api/implementation/${encodeURIComponent(ref)}`)
        .set('ETag', etagOf(outcome.history))
        .json(outcome.history);
    },
  );

  return router;
}
