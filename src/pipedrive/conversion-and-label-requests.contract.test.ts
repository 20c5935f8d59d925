import { describe, expect, it } from 'vitest';
import { createSandboxTransport } from '@/testing/sandbox-transport.ts';
import {
  OPENAPI_AVAILABLE,
  OPENAPI_DIR,
  requestSchema,
  schemaErrors,
} from '../../sandbox/testing/openapi-contract.ts';
import { addLead } from './add-lead.ts';
import { addLeadLabel } from './add-lead-label.ts';
import { getLeadConversionStatus, startLeadConversion } from './convert-lead.ts';
import { LABEL_COLORS } from './lead-labels.ts';
import type { ApiRequest, Transport } from './transport.ts';

if (!OPENAPI_AVAILABLE) {
  console.warn(
    `Skipping the conversion and label request contract test: no Pipedrive OpenAPI documents in ${OPENAPI_DIR}`,
  );
}

/** The sandbox, and every request QuickLead's own calls send to it. */
function recordingSandbox() {
  const { transport } = createSandboxTransport();
  const sent: ApiRequest[] = [];
  const recording: Transport = (request) => {
    sent.push(request);
    return transport(request);
  };
  return { transport: recording, sent };
}

describe.skipIf(!OPENAPI_AVAILABLE)(`conversion and label requests conform to ${OPENAPI_DIR}`, () => {
  it('every colour the inline label form offers makes a body addLeadLabelRequest takes, and the sandbox accepts it', async () => {
    const { transport, sent } = recordingSandbox();
    for (const color of LABEL_COLORS) {
      const label = await addLeadLabel(transport, { name: `Contract ${color}`, color });
      expect(label.color).toBe(color);
    }
    const schema = requestSchema('v1', 'addLeadLabel');
    expect(sent).toHaveLength(LABEL_COLORS.length);
    for (const request of sent)
      expect(schemaErrors(schema, request.body), JSON.stringify(request.body)).toEqual([]);
  });

  it('the conversion’s body takes convertLeadToDeal’s schema, and its status read parses the answer', async () => {
    const { transport, sent } = recordingSandbox();
    const lead = await addLead(transport, { title: 'Contract conversion request', organization_id: 2 });
    const { conversionId } = await startLeadConversion(transport, lead.id);
    const start = sent.find((request) => request.path.endsWith('/convert/deal'));
    expect(start?.path).toBe(`/api/v2/leads/${lead.id}/convert/deal`);
    expect(schemaErrors(requestSchema('v2', 'convertLeadToDeal'), start?.body)).toEqual([]);

    const status = await getLeadConversionStatus(transport, lead.id, conversionId);
    expect(status).toEqual({ state: 'completed', status: 'completed', dealId: expect.any(Number) });
  });
});
