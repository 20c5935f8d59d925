import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { noteLeadGone } from '@/pipedrive/lead-lists.ts';
import { useTransport } from '@/pipedrive/transport-context.tsx';
import { forgetConversion, isUnderWay, loadKeptConversion } from '../card/kept-conversion.ts';
import { type ConversionView, initialView } from './conversion-view.ts';
import type { LeadConversion } from './lead-conversion.ts';

type Engine = typeof import('./lead-conversion.ts');

/** The code that converts, fetched when first needed: most cards are never converted. */
const loadEngine = (): Promise<Engine> => import('./lead-conversion.ts');

const noSubscription = () => () => undefined;

export interface LeadConversionControls {
  view: ConversionView;
  /** Fetches the converting code ahead of a start, e.g. while the rep reads the confirmation. */
  prepare: () => Promise<unknown>;
  /** Asks Pipedrive to convert, once (see LeadConversion.start). Rejects only if the code cannot load. */
  start: () => Promise<void>;
  checkAgain: () => void;
  /** Stops following the conversion and forgets it: the card is closed. */
  stop: () => void;
}

/**
 * The card's lead's conversion to a deal. A conversion the tab kept from before a reload, or from
 * before this card was mounted again, is followed at once.
 */
export function useLeadConversion(leadId: string): LeadConversionControls {
  const transport = useTransport();
  const [kept] = useState(() => loadKeptConversion(leadId));
  // One object, as useSyncExternalStore needs the same snapshot while nothing changed.
  const before = useMemo(() => initialView(kept), [kept]);
  const [conversion, setConversion] = useState<LeadConversion>();
  const engine = useRef<Engine>(undefined);

  const load = useCallback(async () => {
    engine.current ??= await loadEngine();
    const found = engine.current.conversionOf(leadId, transport);
    setConversion(found);
    return found;
  }, [leadId, transport]);

  useEffect(() => {
    if (isUnderWay(kept)) void load().then((found) => found.resume());
  }, [kept, load]);

  const view = useSyncExternalStore(
    conversion?.subscribe ?? noSubscription,
    () => conversion?.view ?? before,
  );
  useLeadLeavesListsOnceConverted(leadId, view.step === 'converted');
  return {
    view,
    prepare: load,
    start: async () => (await load()).start(),
    checkAgain: () => conversion?.checkAgain(),
    stop: () => {
      engine.current?.dropConversion(leadId);
      forgetConversion();
    },
  };
}

/**
 * A lead converted to a deal is no longer open: it leaves the rep's recent leads and its contacts'
 * open leads at once, without a read, so the open-lead warning never names a lead that is a deal.
 */
function useLeadLeavesListsOnceConverted(leadId: string, converted: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (converted) noteLeadGone(queryClient, leadId);
  }, [converted, leadId, queryClient]);
}
