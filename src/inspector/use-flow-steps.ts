import type { FlowStep } from '@common/inspector/model.ts';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { AppConfig, SessionMode } from '@/config/app-config.ts';
import { flowLog } from '@/inspector/flow-log.ts';
import { fetchBffTimeline } from './server-timeline.ts';
import { stepsOfRecords } from './steps-of-records.ts';

/** A burst of calls (a search typed key by key) is fetched once, after it settles. */
const SYNC_DELAY_MS = 250;

/**
 * The steps to show. `spa`: what this tab recorded. `bff`: what the app server recorded for this
 * session, fetched when the panel opens and again after each proxied call.
 */
export function useFlowSteps(config: AppConfig, mode: SessionMode | undefined): FlowStep[] {
  const records = useSyncExternalStore(flowLog.subscribe, flowLog.getRecords);
  const activity = useSyncExternalStore(flowLog.subscribe, flowLog.getActivity);

  useEffect(() => {
    // `activity` is read so that each proxied call schedules a new fetch.
    if (mode !== 'bff' || activity < 0) return;
    let active = true;
    const timer = setTimeout(() => {
      fetchBffTimeline().then(
        (steps) => {
          // A sign-out in the meantime has already put the final timeline in place.
          if (active && steps) flowLog.replaceWithServerSteps(steps);
        },
        () => undefined,
      );
    }, SYNC_DELAY_MS);
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [mode, activity]);

  return useMemo(() => stepsOfRecords(records, config.spa), [records, config.spa]);
}
