import { MASK, type SecretText } from '@common/inspector/model.ts';

/**
 * Text with its secrets masked or revealed. React renders every part as text: nothing here is ever
 * parsed as HTML, whatever a provider puts in a response.
 */
export function SecretTextView({ text, reveal }: { text: SecretText; reveal: boolean }) {
  return (
    <>
      {text.map((part, index) => {
        // A recorded text never changes, so its parts' positions are stable keys.
        const key = `${index}`;
        if (typeof part === 'string') return <span key={key}>{part}</span>;
        if (reveal && part.value !== undefined) {
          return (
            <mark key={key} className="secret secret--revealed">
              {part.value}
            </mark>
          );
        }
        return (
          <span key={key} className="secret secret--masked">
            <span aria-hidden="true">{MASK}</span>
            <span className="visually-hidden">{`(${part.secret}, hidden)`}</span>
          </span>
        );
      })}
    </>
  );
}

/** The secrets of a fact that can never be revealed here, described without giving them away. */
export function SecretHints({ text }: { text: SecretText }) {
  const hints = text.filter((part) => typeof part !== 'string' && part.value === undefined && part.hint);
  if (hints.length === 0) return null;
  return (
    <span className="step__hint">
      {hints.map((part) => (typeof part === 'string' ? '' : `${part.secret}: ${part.hint}`)).join('; ')}
    </span>
  );
}
