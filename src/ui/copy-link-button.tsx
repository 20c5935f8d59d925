import { useEffect, useState } from 'react';

/** Copies a link and says so; falls back to selecting nothing and explaining when the clipboard is blocked. */
export function CopyLinkButton({
  url,
  noun = 'lead',
}: {
  url: string /** What the link opens. */;
  noun?: string;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 4000);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => {
          navigator.clipboard?.writeText(url).then(
            () => setState('copied'),
            () => setState('failed'),
          ) ?? setState('failed');
        }}
      >
        Copy link
      </button>
      <span className="copy-status" role="status">
        {state === 'copied'
          ? 'Link copied'
          : state === 'failed'
            ? `Copying is blocked here; open the ${noun} instead`
            : ''}
      </span>
    </>
  );
}
