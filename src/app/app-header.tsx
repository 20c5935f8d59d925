import { InspectorToggle } from './inspector-context.tsx';

interface AppHeaderProps {
  userName?: string;
  companyName?: string;
  onSignOut?: () => void;
}

export function AppHeader({ userName, companyName, onSignOut }: AppHeaderProps) {
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <span className="brand">
        <span className="brand__mark" aria-hidden="true">
          Q
        </span>
        QuickLead
      </span>
      <div className="app-header__account">
        <InspectorToggle />
        {onSignOut && userName && (
          <span className="app-header__user">
            {userName}
            {companyName && <span className="app-header__company"> · {companyName}</span>}
          </span>
        )}
        {onSignOut && (
          <button type="button" className="button button--quiet" onClick={onSignOut}>
            Sign out
          </button>
        )}
      </div>
    </header>
  );
}
