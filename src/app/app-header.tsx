import { InspectorToggle, useInspector } from './inspector-context.tsx';

interface AppHeaderProps {
  userName?: string;
  companyName?: string;
  onSignOut?: () => void;
}

export function AppHeader({ userName, companyName, onSignOut }: AppHeaderProps) {
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
        <div className="app-header__account">
          {userName && (
            <span className="app-header__user">
              <span className="app-header__name">{userName}</span>
              {companyName && <span className="app-header__company">{companyName}</span>}
            </span>
          )}
          <button type="button" className="button button--quiet" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      )}
    </header>
  );
}
