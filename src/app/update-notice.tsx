import { useEffect, useState } from 'react';
import { useAppUpdate } from './app-update.ts';

/**
 * "A new version of QuickLead is ready", with Reload: at the foot of the window, over nothing the rep
 * needs (the page makes room for it), reached with Tab after the page's own controls, and read out
 * politely. The status region is in the page before its words, so screen readers announce them.
 */
export function UpdateNotice() {
  const update = useAppUpdate();
  const [worded, setWorded] = useState(false);
  useEffect(() => {
    if (!update) return;
    const frame = window.requestAnimationFrame(() => setWorded(true));
    return () => window.cancelAnimationFrame(frame);
  }, [update]);
  if (!update) return null;
  return (
    <div className="update-notice" role="status">
      {worded && (
        <>
          <p className="update-notice__text">A new version of QuickLead is ready.</p>
          <button type="button" className="button button--primary" onClick={update.activate}>
            Reload
          </button>
        </>
      )}
    </div>
  );
}
