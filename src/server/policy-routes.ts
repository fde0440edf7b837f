import type { FastifyInstance } from 'fastify';
import { isIsoDate, todayInChina, validityStatus } from '../corpus/dates.js';
import type { Policy } from '../corpus/types.js';
import type { EngineSource } from '../live-engine.js';
import type { PolicyDocument, PolicySummary } from '../protocol.js';

/**
 * Reading a whole policy: GET /api/policies/:id (its metadata and every clause, as data) and the page
 * that shows it, /policy/:id (#clause scrolls to and highlights the cited clause). The page is the
 * same static document for every policy and fills itself in with text nodes only.
 */

export function policySummary(policy: Policy, asOf: string): PolicySummary {
  return {
    id: policy.id,
    title: policy.title,
    docNumber: policy.docNumber,
    issuer: policy.issuer,
    region: policy.region,
    issued: policy.issued,
    validFrom: policy.validFrom,
    validTo: policy.validTo,
    status: validityStatus(policy.validFrom, policy.validTo, asOf),
    clauses: policy.clauses.length,
  };
}

/** (Every route shares the app's one request budget per address.) */
export function registerPolicyRoutes(app: FastifyInstance, deps: { engines: EngineSource; publicDir: string }): void {
  const byId = (): Map<string, Policy> => new Map(deps.engines.current().policies.map((p) => [p.id, p]));

  app.get<{ Params: { id: string }; Querystring: { asOf?: string } }>('/api/policies/:id', async (request, reply) => {
    const policy = byId().get(request.params.id);
    if (!policy) return reply.status(404).send({ error: { code: 'unknown-policy', message: 'no policy with this id' } });
    const asked = request.query.asOf;
    if (asked !== undefined && !isIsoDate(asked)) {
      return reply.status(400).send({ error: { code: 'bad-date', message: 'asOf must be a date written YYYY-MM-DD' } });
    }
    const asOf = asked ?? todayInChina();
    const document: PolicyDocument = {
      ...policySummary(policy, asOf),
      asOf,
      clauses: policy.clauses.map((c) => ({ label: c.label, sectionPath: c.sectionPath, text: c.text })),
    };
    return document;
  });

  app.get<{ Params: { id: string } }>('/policy/:id', async (request, reply) => {
    if (!byId().has(request.params.id)) reply.status(404);
    return reply.header('cache-control', 'no-cache').sendFile('policy.html', deps.publicDir);
  });
}
