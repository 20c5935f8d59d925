import { type ReactNode, useState } from 'react';

interface DisclosureSectionProps {
  title: string;
  /** Shown next to the title while closed, e.g. "2 set". */
  summary?: string;
  /** A section holding an error is opened, so the message and its field can be seen. */
  forceOpen?: boolean;
  /** Called each time the rep opens the section, e.g. to read what its fields offer. */
  onOpen?: () => void;
  children: ReactNode;
}

/** An optional part of a form, closed until wanted: keeps the quick path short. */
export function DisclosureSection({
  title,
  summary,
  forceOpen = false,
  onOpen,
  children,
}: DisclosureSectionProps) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="form-section form-section--disclosure"
      open={open || forceOpen}
      onToggle={(event) => {
        const opened = event.currentTarget.open;
        setOpen(opened);
        if (opened) onOpen?.();
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
