import { useState } from 'react';
import type { ContactRef } from '@/contacts/contact-ref.ts';
import type { User } from '@/pipedrive/users.ts';
import { storageLedger } from '../send/lead-send-ledger.ts';
import { type ContactCheck, openLeadWarnings, warningKey } from './open-lead-warning.ts';
import { useOpenLeadChecks } from './use-open-lead-checks.ts';
import { useOwnerNames } from './use-owner-names.ts';

interface OpenLeadPressOptions {
  person: ContactRef | null;
  organization: ContactRef | null;
  /** The rep, and the company's users when they are read: the owners named without a read. */
  me: Pick<User, 'id' | 'name'>;
  users: readonly User[];
  draftId: string;
  locale: string | undefined;
}

/**
 * The open-lead warning's part in a press of "Create lead". A press while the picked person or
 * organization has an open lead the rep has not been stopped for is stopped once: the warning takes
 * focus and the button says "Create lead anyway"; the next press creates. Another contact, or a
 * newer lead, stops a press again. A check still under way is waited for; one that fails stops
 * nothing (the notice says QuickLead could not check).
 */
export function useOpenLeadPress({ person, organization, me, users, draftId, locale }: OpenLeadPressOptions) {
  const { checks, settle, retry } = useOpenLeadChecks(person, organization);
  const warnings = openLeadWarnings(checks);
  const [stoppedFor, setStoppedFor] = useState<string>();
  const [focusKey, setFocusKey] = useState(0);
  const [checking, setChecking] = useState(false);
  const ownerName = useOwnerNames(
    warnings.flatMap((warning) => (warning.newest.owner_id === null ? [] : [warning.newest.owner_id])),
    users,
    me,
  );
  const key = warningKey(warnings);
  const confirming = key !== '' && key === stoppedFor;

  /** Whether the warning stops this press; waits for the checks it needs first. */
  const stopsThisPress = async (): Promise<boolean> => {
    // A draft sent once already belongs to the send-once logic: the open lead found may be its own.
    if (storageLedger().read(draftId)) return false;
    setChecking(true);
    const settled = await settle().finally(() => setChecking(false));
    const now = warningKey(openLeadWarnings(settled));
    if (now === '' || now === stoppedFor) return false;
    setStoppedFor(now);
    setFocusKey((previous) => previous + 1);
    return true;
  };

  const failed = checks.filter(
    (check): check is Extract<ContactCheck, { state: 'failed' }> => check.state === 'failed',
  );
  return {
    stopsThisPress,
    checking,
    confirming,
    notice: {
      warnings,
      failed,
      confirming,
      focusKey,
      describe: { now: Date.now(), locale, ownerName },
      onRetry: retry,
    },
  };
}
