import { type ReactNode, useState } from 'react';

interface DisclosureSectionProps {
  title: string;
  /** Shown next to the title while closed, e.g. "2 set". */
  summary?: string;
  /** A section holding an error is opened, so the message and its field can be seen. */
  forceOpen?: boolean;
  /** Called each time the rep opens the section, e.g. to read what its fields offer. */
  onOpen?: () => void;
  /** Called each time the rep closes the section. */
  onClose?: () => void;
  /** Open when first shown, e.g. when a restored draft holds something in it. */
  defaultOpen?: boolean;
  children: ReactNode;
}

/** An optional part of a form, closed until wanted: keeps the quick path short. */
export function DisclosureSection({
  title,
  summary,
  forceOpen = false,
  onOpen,
  onClose,
  defaultOpen = false,
  children,
}: DisclosureSectionProps) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <details
      className="form-section form-section--disclosure"
      open={open || forceOpen}
      onToggle={(event) => {
        const opened = event.currentTarget.open;
        // The event also fires for opening by `open` itself (a default or a forced open): only a
        // change of state is the rep's doing.
        if (opened === open) return;
        setOpen(opened);
        if (opened) onOpen?.();
        else onClose?.();
      }}
    >
      <summary className="form-section__title">
        {title}
        {summary && <span className="form-section__summary"> · {summary}</span>}
      </summary>
      <div className="form-section__body">{children}</div>
    </details>
  );
}
