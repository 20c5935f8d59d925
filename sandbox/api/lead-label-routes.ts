import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { LeadLabel } from '../company/crm-types.ts';
import type { CrmStore } from '../store/crm-store.ts';
import { sameLabelName, validateLeadLabelBody } from '../validation/lead-label-validation.ts';
import { type ApiEnv, endpoint } from './api-auth.ts';
import { invalidDataset } from './api-responses.ts';
import { readJson } from './json-body.ts';

function labelJson(label: LeadLabel) {
  return {
    id: label.id,
    name: label.name,
    color: label.color,
    add_time: label.addTime,
    update_time: label.addTime,
  };
}

/** `GET /v1/leadLabels`: the company's lead labels; `POST /v1/leadLabels` adds one. */
export function leadLabelRoutes(crm: CrmStore, now: () => number): Hono<ApiEnv> {
  const leadLabels = new Hono<ApiEnv>();
  leadLabels.get('/', endpoint({ scopes: ['leads:read', 'leads:full'], cost: 10 }), (c) =>
    c.json({ success: true, data: crm.leadLabels.map(labelJson) }),
  );

  // Answered 200, not 201: the spec documents only 200 for addLeadLabel.
  leadLabels.post('/', endpoint({ scopes: ['leads:full'], cost: 10 }), async (c) => {
    const json = await readJson(c);
    if (!json.ok) return json.response;
    const validation = validateLeadLabelBody(json.body);
    if (!validation.ok) return invalidDataset(c, validation.message);
    const { name, color } = validation.input;
    // Whether Pipedrive allows two labels of one name is not documented; the sandbox refuses, as
    // two "Hot" chips would leave a rep guessing which one a lead has.
    if (crm.leadLabels.some((label) => sameLabelName(label.name, name))) {
      return invalidDataset(c, '"name" must be unique: a lead label with this name already exists');
    }
    const label: LeadLabel = { id: randomUUID(), name, color, addTime: new Date(now()).toISOString() };
    crm.addLeadLabel(label);
    return c.json({ success: true, data: labelJson(label) });
  });
  return leadLabels;
}
