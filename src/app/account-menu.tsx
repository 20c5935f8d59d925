import { useEffect, useId, useRef, useState } from 'react';
import { DisconnectDialog } from '../auth/disconnect-dialog.tsx';
import './account-menu.css';

interface AccountMenuProps {
  userName?: string | undefined;
  companyName?: string | undefined;
  onSignOut: () => void;
  /** Absent when this session cannot be disconnected (no revocation endpoint). */
  onDisconnect?: (() => Promise<void>) | undefined;
}

/**
 * Who is signed in, as a disclosure button that shows the two ways out: Sign out (this session
 * only) and Disconnect (uninstalls the app at Pipedrive, after a confirmation). A disclosure rather
 * than an ARIA menu: Tab reaches its buttons, Escape or a click elsewhere closes it.
 */
export function AccountMenu({ userName, companyName, onSignOut, onDisconnect }: AccountMenuProps) {
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const focusToggleAfterDialog = useRef(false);
  const panelId = useId();

  // Open, it closes on Escape (focus back on its button), on a click elsewhere, and when focus leaves it.
  useEffect(() => {
    const menu = root.current;
    if (!open || !menu) return;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    const closeFromOutside = (event: PointerEvent) => {
      if (!menu.contains(event.target as Node)) setOpen(false);
    };
    // Only when focus moves to something else: Safari does not focus a clicked button, so a click
    // on an item starts with focus going nowhere, and closing then would swallow the click.
    const closeWhenFocusLeaves = (event: FocusEvent) => {
      const next = event.relatedTarget;
      if (next instanceof Node && !menu.contains(next)) setOpen(false);
    };
    menu.addEventListener('keydown', closeOnEscape);
    menu.addEventListener('focusout', closeWhenFocusLeaves);
    document.addEventListener('pointerdown', closeFromOutside);
    return () => {
      menu.removeEventListener('keydown', closeOnEscape);
      menu.removeEventListener('focusout', closeWhenFocusLeaves);
      document.removeEventListener('pointerdown', closeFromOutside);
    };
  }, [open]);

  // After the dialog is gone (and the browser has put focus back where the hidden menu item was),
  // focus goes to the button that opened the menu, so a keyboard user is not left at the page top.
  useEffect(() => {
    if (confirming || !focusToggleAfterDialog.current) return;
    focusToggleAfterDialog.current = false;
    toggle.current?.focus();
  }, [confirming]);

  return (
    <>
      <div ref={root} className="account-menu">
        <button
          ref={toggle}
          type="button"
          className="button button--quiet account-menu__toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
        >
          <span className="account-menu__who">
            {/* The spaces keep the button's accessible name readable ("Account: Ana Silva Acme"). */}
            {userName && <span className="visually-hidden">Account:</span>}{' '}
            <span className="account-menu__name">{userName ?? 'Account'}</span>{' '}
            {userName && companyName && <span className="account-menu__company">{companyName}</span>}
          </span>
          <span className="account-menu__chevron" aria-hidden="true" />
        </button>
        <div id={panelId} className="account-menu__panel" hidden={!open}>
          <ul className="account-menu__list">
            <li>
              <button
                type="button"
                className="account-menu__item"
                onClick={() => {
                  setOpen(false);
                  onSignOut();
                }}
              >
                Sign out
              </button>
            </li>
            {onDisconnect && (
              <li className="account-menu__danger-zone">
                <button
                  type="button"
                  className="account-menu__item account-menu__item--danger"
                  onClick={() => {
                    setOpen(false);
                    setConfirming(true);
                  }}
                >
                  Disconnect QuickLead from Pipedrive…
                </button>
              </li>
            )}
          </ul>
        </div>
      </div>
      {confirming && onDisconnect && (
        <DisconnectDialog
          onDisconnect={onDisconnect}
          onClose={() => {
            focusToggleAfterDialog.current = true;
            setConfirming(false);
          }}
        />
      )}
    </>
  );
}
