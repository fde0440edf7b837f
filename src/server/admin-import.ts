import type { FastifyError, FastifyInstance } from 'fastify';
import { basename, join } from 'node:path';
import { todayInChina } from '../corpus/dates.js';
import { importReports, ImportRefused, prepareImport, storeImports, type ImportRefusalReason } from '../ingest/import-policy.js';
import type { Reloadable } from '../live-engine.js';

/**
 * POST /api/admin/policies: the console's upload of one policy file, in any format `policy-qa import`
 * reads (.txt in any encoding, .html, .docx, .pdf), sent as base64 in JSON, through the same import
 * step. The reply is what was read (201), or the reason it was refused: 400, 409 for an id on file
 * (unless `replace`), 413 for a file over the limit. A running server picks the stored file up.
 */

/** A policy as published, even a PDF with scanned seals and tables, is a few megabytes at most. */
export const MAX_UPLOAD_BYTES = 16 * 1024 * 1024;
/** Base64 takes four characters for three bytes; the rest of the JSON is a few short fields. */
const UPLOAD_BODY_BYTES = Math.ceil(MAX_UPLOAD_BYTES / 3) * 4 + 64 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MB = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MB`;
const TOO_LARGE = `the file is larger than the upload limit of ${MB(MAX_UPLOAD_BYTES)}: import it with policy-qa import on the server`;

const STATUS: Partial<Record<ImportRefusalReason, number>> = { exists: 409, 'too-large': 413 };
/** What a console user can do about a refusal. */
const HINTS: Partial<Record<ImportRefusalReason, string>> = {
  exists: 'tick “replace” to replace it, or give another id',
  'no-region': 'give the region in the form, e.g. 松江区',
  'bad-id': 'give an id of letters, digits, . _ -',
};

interface UploadBody {
  name: string;
  data: string;
  id?: string;
  region?: string;
  replace?: boolean;
}

export interface ImportRouteDeps {
  indexDir: string;
  live: Reloadable | null;
}

export function registerImportRoute(api: FastifyInstance, deps: ImportRouteDeps): void {
  const policiesDir = join(deps.indexDir, 'policies');
  api.post<{ Body: UploadBody }>(
    '/policies',
    {
      bodyLimit: UPLOAD_BODY_BYTES,
      schema: {
        body: {
          type: 'object',
          required: ['name', 'data'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 255 },
            data: { type: 'string' },
            id: { type: 'string', maxLength: 80 },
            region: { type: 'string', maxLength: 40 },
            replace: { type: 'boolean' },
          },
        },
      },
      errorHandler: (error: FastifyError, _request, reply) => {
        if (error.statusCode === 413) return reply.status(413).send({ error: { code: 'too-large', message: TOO_LARGE } });
        const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
        return reply.status(status).send({ error: { code: status === 500 ? 'internal' : 'bad-request', message: status === 500 ? 'internal error' : error.message } });
      },
    },
    async (request, reply) => {
      const { name, data, id, region, replace } = request.body;
      if (!BASE64.test(data) || data.length % 4 !== 0) {
        return reply.status(400).send({ error: { code: 'bad-request', message: 'data must be the file’s bytes in base64' } });
      }
      const bytes = Buffer.from(data, 'base64');
      if (bytes.length > MAX_UPLOAD_BYTES) return reply.status(413).send({ error: { code: 'too-large', message: TOO_LARGE } });
      try {
        const prepared = await prepareImport({ name: basename(name), bytes, id: id?.trim() || null, region: region ?? null, replace: replace === true }, policiesDir);
        const [report] = importReports([prepared], policiesDir, todayInChina());
        storeImports([prepared], policiesDir);
        // The folder is watched; reloading now as well does not wait on the watch (and a rebuild of unchanged files is skipped).
        if (deps.live) void deps.live.reload('console import');
        request.log.info({ policy: prepared.id, clauses: report?.clauses, region: report?.region }, 'policy imported from the console');
        return reply.status(201).send({ ...report, file: `policies/${prepared.id}.md`, served: deps.live ? 'within seconds' : 'after a restart' });
      } catch (error) {
        if (!(error instanceof ImportRefused)) throw error;
        const hint = HINTS[error.reason];
        return reply.status(STATUS[error.reason] ?? 400).send({ error: { code: error.reason, message: `${error.message}${hint ? `: ${hint}` : ''}` } });
      }
    },
  );
}
