import { describe, expect, it } from 'vitest';
import { getLeadConversionStatus, startLeadConversion } from './convert-lead.ts';
import type { Transport } from './transport.ts';

const LEAD = 'adf21080-0e10-11eb-879b-05d71fb426ec';
const JOB = '4b40248b-945a-4802-b996-60fdff8c5c69';

const answering =
  (body: unknown, status = 200): Transport =>
  async () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('reading a conversion as a client that must live for years', () => {
  it('reads the documented example', async () => {
    const example = {
      success: true,
      data: { deal_id: 33, conversion_id: JOB, status: 'completed' },
      additional_data: null,
    };
    expect(await getLeadConversionStatus(answering(example), LEAD, JOB)).toEqual({
      state: 'completed',
      status: 'completed',
      dealId: 33,
    });
  });

  it('takes a status it does not know for one still under way, and ignores properties it does not know', async () => {
    const later = { success: true, data: { conversion_id: JOB, status: 'queued_for_review', progress: 0.4 } };
    expect(await getLeadConversionStatus(answering(later), LEAD, JOB)).toEqual({
      state: 'under-way',
      status: 'queued_for_review',
      dealId: null,
    });
  });

  it('reads a deal id sent as a string, or as an object, as v1 links are', async () => {
    const asText = { success: true, data: { conversion_id: JOB, status: 'completed', deal_id: '33' } };
    const asObject = {
      success: true,
      data: { conversion_id: JOB, status: 'completed', deal_id: { value: 33 } },
    };
    expect((await getLeadConversionStatus(answering(asText), LEAD, JOB)).dealId).toBe(33);
    expect((await getLeadConversionStatus(answering(asObject), LEAD, JOB)).dealId).toBe(33);
  });

  it('a start without a job id is an answer it cannot use, named as such', async () => {
    await expect(startLeadConversion(answering({ success: true, data: {} }), LEAD)).rejects.toThrow(
      'Pipedrive sent a response QuickLead does not understand',
    );
  });

  it('the documented 404 is an ApiError with Pipedrive’s words', async () => {
    const gone = {
      success: false,
      error: 'Entity was not found',
      error_info: 'Object was not found.',
      data: null,
    };
    await expect(startLeadConversion(answering(gone, 404), LEAD)).rejects.toMatchObject({
      status: 404,
      message: 'Entity was not found',
    });
  });
});
