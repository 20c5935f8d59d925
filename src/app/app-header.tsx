import type { ReactNode } from 'react';
import { InspectorToggle, useInspector } from '../inspector/inspector-context.tsx';

interface AppHeaderProps {
  /**
   * Signed in: the account menu. It comes with the signed-in screens (their lazy chunk), so the
   * sign-in page loads none of its code.
   */
  accountMenu?: ReactNode;
}

export function AppHeader({ accountMenu }: AppHeaderProps) {
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
      {accountMenu}
    </header>
  );
}
