import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

/**
 * Whether the OAuth inspector is offered and open. The open state outlives screen changes (it
 * sits above them) and, through this tab's sessionStorage, the redirect to the provider and back,
 * so a demo keeps watching while it signs in. Only a flag is stored: never a step or a token.
 */
interface InspectorState {
  enabled: boolean;
  open: boolean;
  setOpen: (open: boolean) => void;
}

const OPEN_KEY = 'quicklead.inspector-open';
const InspectorContext = createContext<InspectorState>({ enabled: false, open: false, setOpen: () => {} });

function readOpen(): boolean {
  try {
    return sessionStorage.getItem(OPEN_KEY) === '1';
  } catch {
    return false;
  }
}

export function InspectorProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const [open, setOpenState] = useState(() => enabled && readOpen());
  const setOpen = useCallback((next: boolean) => {
    setOpenState(next);
    try {
      if (next) sessionStorage.setItem(OPEN_KEY, '1');
      else sessionStorage.removeItem(OPEN_KEY);
    } catch {
      // Storage refused (private mode): the panel just does not survive a redirect.
    }
  }, []);
  const value = useMemo(() => ({ enabled, open: enabled && open, setOpen }), [enabled, open, setOpen]);
  return <InspectorContext value={value}>{children}</InspectorContext>;
}

export function useInspector(): InspectorState {
  return useContext(InspectorContext);
}

export const INSPECTOR_PANEL_ID = 'oauth-inspector';
export const INSPECTOR_TOGGLE_ID = 'oauth-inspector-toggle';

/** The header's toggle: a disclosure button for the panel. */
export function InspectorToggle() {
  const { enabled, open, setOpen } = useInspector();
  if (!enabled) return null;
  return (
    <button
      type="button"
      id={INSPECTOR_TOGGLE_ID}
      className="button button--quiet inspector-toggle"
      aria-expanded={open}
      aria-controls={INSPECTOR_PANEL_ID}
      onClick={() => setOpen(!open)}
    >
      OAuth inspector
    </button>
  );
}
