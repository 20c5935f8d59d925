import { type Context, Hono } from 'hono';
import type { Pipeline } from '../company/deal-types.ts';
import { findPipeline, findStage, SANDBOX_PIPELINES } from '../company/pipelines.ts';
import type { CrmStore } from '../store/crm-store.ts';
import { isGuid } from '../validation/lead-validation.ts';
import { type ApiEnv, endpoint } from './api-auth.ts';
import { apiError, v2ValidationError } from './api-responses.ts';
import { readJson } from './json-body.ts';

type Target = { ok: true; stageId: number; pipelineId: number } | { ok: false; response: Response };

const BODY_KEYS = ['stage_id', 'pipeline_id'];

/** The spec's 404 example for both conversion endpoints. */
const notFound = (c: Context) => apiError(c, 404, 'Entity was not found', 'Object was not found.');

const isPositiveInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1;

/**
 * Where the deal goes. The body is optional (`{}` or none: the first stage of the default
 * pipeline); the schema allows no other property. A `stage_id` decides the pipeline, and a
 * `pipeline_id` beside it is ignored, as documented. Pipedrive's texts for an unknown stage or
 * pipeline are not documented; these follow its v2 validation wording.
 */
async function targetOf(c: Context<ApiEnv>): Promise<Target> {
  const defaultPipeline = SANDBOX_PIPELINES[0];
  const firstStage = (pipeline: Pipeline | undefined) => pipeline?.stages[0];
  if ((await c.req.text()).trim() === '') {
    const stage = firstStage(defaultPipeline);
    if (!stage) throw new Error('the sandbox has no pipeline stages');
    return { ok: true, stageId: stage.id, pipelineId: stage.pipelineId };
  }
  const json = await readJson(c);
  if (!json.ok) return json;
  const body = json.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, response: v2ValidationError(c, 'body', 'Must be an object') };
  }
  const record = body as Record<string, unknown>;
  const extra = Object.keys(record).find((key) => !BODY_KEYS.includes(key));
  if (extra !== undefined) {
    return { ok: false, response: v2ValidationError(c, extra, 'Is not allowed') };
  }
  for (const key of BODY_KEYS) {
    if (record[key] !== undefined && !isPositiveInteger(record[key])) {
      return { ok: false, response: v2ValidationError(c, key, 'Must be a positive integer') };
    }
  }
  if (isPositiveInteger(record.stage_id)) {
    const stage = findStage(record.stage_id);
    if (!stage) return { ok: false, response: v2ValidationError(c, 'stage_id', 'Stage not found') };
    return { ok: true, stageId: stage.id, pipelineId: stage.pipelineId };
  }
  const pipeline = isPositiveInteger(record.pipeline_id) ? findPipeline(record.pipeline_id) : defaultPipeline;
  const stage = firstStage(pipeline);
  if (!stage) return { ok: false, response: v2ValidationError(c, 'pipeline_id', 'Pipeline not found') };
  return { ok: true, stageId: stage.id, pipelineId: stage.pipelineId };
}

/**
 * `POST /api/v2/leads/{id}/convert/deal` [spec v2 `convertLeadToDeal`, 40 tokens, `leads:full`]
 * and `GET /api/v2/leads/{id}/convert/status/{conversion_id}` [`getLeadConversionStatus`, 1 token].
 * The conversion runs as a job (sandbox/store/lead-conversions.ts); once it completes the deal
 * exists and the lead is gone from every lead endpoint.
 */
export function leadConversionRoutes(crm: CrmStore): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();

  routes.post('/:id/convert/deal', endpoint({ scopes: ['leads:full'], cost: 40 }), async (c) => {
    const id = c.req.param('id');
    if (!isGuid(id)) return v2ValidationError(c, 'id', 'Must be a valid UUID');
    const target = await targetOf(c);
    if (!target.ok) return target.response;
    const lead = crm.findLead(id.toLowerCase());
    if (!lead) return notFound(c);
    const job = crm.conversions.start(lead.id, c.get('user').id, target);
    return c.json({ success: true, data: { conversion_id: job.id }, additional_data: null });
  });

  routes.get(
    '/:id/convert/status/:conversionId',
    endpoint({ scopes: ['leads:full', 'leads:read'], cost: 1 }),
    (c) => {
      const id = c.req.param('id');
      const conversionId = c.req.param('conversionId');
      if (!isGuid(id)) return v2ValidationError(c, 'id', 'Must be a valid UUID');
      if (!isGuid(conversionId)) return v2ValidationError(c, 'conversion_id', 'Must be a valid UUID');
      const job = crm.findConversion(conversionId.toLowerCase());
      if (!job || job.leadId !== id.toLowerCase()) return notFound(c);
      const status = crm.conversions.statusOf(job);
      return c.json({
        success: true,
        data: {
          ...(status === 'completed' && job.dealId !== null ? { deal_id: job.dealId } : {}),
          conversion_id: job.id,
          status,
        },
        additional_data: null,
      });
    },
  );
  return routes;
}
