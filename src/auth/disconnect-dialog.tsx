import { ConfirmDialog } from '@/ui/confirm-dialog.tsx';

interface DisconnectDialogProps {
  /** Revokes QuickLead's access and signs out; rejects when Pipedrive did not confirm it. */
  onDisconnect: () => Promise<void>;
  onClose: () => void;
}

/**
 * The confirmation before Disconnect. At Pipedrive, revoking the app's refresh token is how an
 * app is uninstalled for a user, so this says so in plain words, next to what Sign out does.
 */
export function DisconnectDialog({ onDisconnect, onClose }: DisconnectDialogProps) {
  return (
    <ConfirmDialog
      id="disconnect-dialog"
      title="Disconnect QuickLead from Pipedrive?"
      confirmLabel="Disconnect"
      busyLabel="Disconnecting…"
      failureMessage="Pipedrive did not confirm the disconnect, so QuickLead may still be installed for you. You are still signed in: try again in a moment."
      onConfirm={onDisconnect}
      onClose={onClose}
    >
      <p>
        QuickLead’s access to your Pipedrive account is cancelled, which uninstalls the QuickLead app for you
        in Pipedrive.
      </p>
      <ul className="dialog__list">
        <li>The next time you sign in, Pipedrive asks you to allow and install QuickLead again.</li>
        <li>QuickLead on your other devices and browsers is signed out.</li>
        <li>A lead you are typing in this tab is discarded, as when you sign out.</li>
      </ul>
      <p>To stop for now and keep the app installed, choose Sign out instead.</p>
    </ConfirmDialog>
  );
}
