import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Graph } from '../../../graph/graph';
import { HttpProblem } from '../../http/problem';
import { validate } from '../../http/validate';
import { type CypherBody, cypherBody } from './cypher.schema';
import { cypherService } from './cypher.service';
import { RESEARCH_QUERIES } from './research-queries';

const QUERIES_PER_MINUTE = 60;

/**
 * Per client address: the console is the one endpoint where every request may cost the
 * database seconds. Malformed requests count too.
 */
function consoleRateLimit() {
  return rateLimit({
    windowMs: 60_000,
    limit: QUERIES_PER_MINUTE,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => {
      next(
        new HttpProblem(
          429,
          'Too many requests',
          `The console accepts ${QUERIES_PER_MINUTE} queries a minute from one client; try again after the Retry-After header's seconds.`,
        ),
      );
    },
  });
}

export function cypherRouter(graph: Graph): Router {
  const router = Router();
  const runQuery = cypherService(graph);
  router.get('/library', (_req, res) => {
    res.json({ queries: RESEARCH_QUERIES });
  });
  router.post('/', consoleRateLimit(), validate('body', cypherBody), async (_req, res) => {
    const result = await runQuery(res.locals.body as CypherBody);
    res.set('Cache-Control', 'no-store').json(result);
  });
  return router;
}
