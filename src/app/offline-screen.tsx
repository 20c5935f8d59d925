import { useSession } from '@/auth/session-context.tsx';
import { loadLeadDraft } from '@/leads/form/lead-draft.ts';
import { useDocumentTitle } from '@/ui/use-document-title.ts';
import { AppFrame } from './app-frame.tsx';
import { AppHeader } from './app-header.tsx';

/**
 * No network and no way to open the form without one: this browser was never signed in here in
 * `bff` mode (or not in the last two weeks), or was signed in in `spa` mode, whose tokens went with
 * the reload. Says so plainly instead of a sign-in button that could only fail, keeps the draft, and
 * gives way to the usual screens by itself when the network is back.
 */
export function OfflineScreen() {
  const { config } = useSession();
  useDocumentTitle('Offline – QuickLead');
  const draftKept = loadLeadDraft() !== undefined;
  return (
    <AppFrame header={<AppHeader />}>
      <section className="panel panel--center" aria-labelledby="offline-heading">
        <h1 id="offline-heading">No network</h1>
        <div className="notice notice--info" role="status">
          <p>Signing in to Pipedrive needs the network. QuickLead goes on by itself once it is back.</p>
          {draftKept && (
            <p>The lead you were typing is kept in this tab and comes back once you are signed in.</p>
          )}
        </div>
        {config.modes.includes('spa') && (
          <p className="mode-note">
            In “Browser only” mode QuickLead keeps no sign-in across a reload, so it cannot open your account
            offline. With “Server session”, a browser that has signed in before opens the form offline.
          </p>
        )}
      </section>
    </AppFrame>
  );
}
