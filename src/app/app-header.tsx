import { InspectorToggle, useInspector } from '../inspector/inspector-context.tsx';
import { AccountMenu } from './account-menu.tsx';

interface AppHeaderProps {
  userName?: string | undefined;
  companyName?: string | undefined;
  /** Signed in: the header offers the account menu. */
  onSignOut?: () => void;
  onDisconnect?: (() => Promise<void>) | undefined;
}

export function AppHeader({ userName, companyName, onSignOut, onDisconnect }: AppHeaderProps) {
  // An open inspector widens the page: the header spans both columns.
  const { open } = useInspector();
  return (
    <header className={open ? 'app-header app-header--inspector' : 'app-header'}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <span className="brand">
        <span className="brand__mark" aria-hidden="true">
          Q
        </span>
        QuickLead
      </span>
      <InspectorToggle />
      {onSignOut && (
        <AccountMenu
          userName={userName}
          companyName={companyName}
          onSignOut={onSignOut}
          onDisconnect={onDisconnect}
        />
      )}
    </header>
  );
}
