import { describe, expect, it } from 'vitest';
import { memoryStorage } from '@/testing/memory-storage.ts';
import { storageLedger } from './lead-send-ledger.ts';

const SHARED_KEY = 'quicklead.sent-leads.v1';
const LEAD = 'adf21080-0e10-11eb-879b-05d71fb426ec';

function ledgers() {
  const shared = memoryStorage();
  const tab = memoryStorage();
  const now = Date.now();
  return { shared, ledger: storageLedger({ shared, tab, now: () => now }), now };
}

describe('the send ledger’s parts: the note and the follow-up of a lead', () => {
  it('records each part on its own: when it left, then its id', () => {
    const { ledger, now } = ledgers();
    ledger.write('d', { sentAt: now, leadId: LEAD });
    ledger.writePart('d', 'note', { sentAt: now + 1 });
    ledger.writePart('d', 'followUp', { sentAt: now + 2, id: 7 });
    expect(ledger.read('d')).toEqual({
      sentAt: now,
      leadId: LEAD,
      parts: { note: { sentAt: now + 1 }, followUp: { sentAt: now + 2, id: 7 } },
    });
    ledger.writePart('d', 'note', { sentAt: now + 1, id: 3 });
    expect(ledger.read('d')?.parts?.note).toEqual({ sentAt: now + 1, id: 3 });
  });

  it('shares parts between tabs (localStorage) with ids and times only', () => {
    const { shared, ledger, now } = ledgers();
    ledger.write('d', { sentAt: now, leadId: LEAD });
    ledger.writePart('d', 'note', { sentAt: now, id: 3 });
    const otherTab = storageLedger({ shared, tab: memoryStorage(), now: () => now });
    expect(otherTab.read('d')?.parts).toEqual({ note: { sentAt: now, id: 3 } });
    expect(JSON.parse(shared.getItem(SHARED_KEY) ?? '{}')).toEqual({
      d: { sentAt: now, leadId: LEAD, parts: { note: { sentAt: now, id: 3 } } },
    });
  });

  it('forgets a part that was refused, and keeps the parts when the lead’s own record is written again', () => {
    const { ledger, now } = ledgers();
    ledger.write('d', { sentAt: now, leadId: LEAD });
    ledger.writePart('d', 'note', { sentAt: now });
    ledger.writePart('d', 'followUp', { sentAt: now, id: 9 });
    ledger.writePart('d', 'note', undefined);
    ledger.write('d', { sentAt: now, leadId: LEAD });
    expect(ledger.read('d')?.parts).toEqual({ followUp: { sentAt: now, id: 9 } });
    ledger.writePart('d', 'followUp', undefined);
    expect(ledger.read('d')).toEqual({ sentAt: now, leadId: LEAD });
  });

  it('records no part for a draft that made no lead, and drops parts with the lead', () => {
    const { ledger, now } = ledgers();
    ledger.writePart('nothing', 'note', { sentAt: now });
    expect(ledger.read('nothing')).toBeUndefined();
    ledger.write('d', { sentAt: now, leadId: LEAD });
    ledger.writePart('d', 'note', { sentAt: now, id: 1 });
    ledger.remove('d');
    expect(ledger.read('d')).toBeUndefined();
  });

  it('a part it cannot read is forgotten, never the lead: the lead is not sent again', () => {
    const { shared, ledger, now } = ledgers();
    shared.setItem(
      SHARED_KEY,
      JSON.stringify({
        d: {
          sentAt: now,
          leadId: LEAD,
          parts: { note: { sentAt: 'soon' }, followUp: { sentAt: now, id: 4 } },
        },
        e: { sentAt: now, leadId: LEAD, parts: 'broken' },
      }),
    );
    expect(ledger.read('d')).toEqual({
      sentAt: now,
      leadId: LEAD,
      parts: { followUp: { sentAt: now, id: 4 } },
    });
    expect(ledger.read('e')).toEqual({ sentAt: now, leadId: LEAD });
  });
});
