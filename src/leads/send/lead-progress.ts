import { useSyncExternalStore } from 'react';

/**
 * What a create is doing while its form waits, by draft: reading whether a create whose answer was
 * lost was stored (the lead's, or a part's: its note or follow-up), queued until the company's
 * daily API budget is back, or adding the parts to the lead it made. The create runs in a React
 * Query mutation (which outlives any one form), so it reports here and the form listens.
 */
export type LeadProgress =
  | { kind: 'checking'; read: number; of: number; part?: 'note' | 'followUp' }
  | { kind: 'queued'; until: number }
  | { kind: 'adding'; parts: ReadonlyArray<'note' | 'followUp'> };

const progressByDraft = new Map<string, LeadProgress>();
const listeners = new Set<() => void>();

export function setLeadProgress(draftId: string, progress: LeadProgress | undefined): void {
  if (progress) progressByDraft.set(draftId, progress);
  else progressByDraft.delete(draftId);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLeadProgress(draftId: string): LeadProgress | undefined {
  return useSyncExternalStore(subscribe, () => progressByDraft.get(draftId));
}
