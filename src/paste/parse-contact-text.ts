import type { ContactProposal } from './contact-proposal.ts';
import { boundedText } from './paste-limits.ts';
import { type ReadOptions, readSignature } from './read-signature.ts';
import { hasVCard, readVCard } from './read-vcard.ts';

/**
 * What pasted text proposes for a new contact: a vCard read by its properties, anything else as a
 * signature (which also covers "Name <email>" and a LinkedIn profile's copied text). Runs in the
 * browser only, in the paste dialog's own chunk; the text goes nowhere.
 */
export function parseContactText(text: string, options: ReadOptions = {}): ContactProposal {
  const { text: bounded } = boundedText(text);
  return hasVCard(bounded) ? readVCard(bounded, options) : readSignature(bounded, options);
}
