import type { LeadFormInput } from './lead-form-schema.ts';

/**
 * The lead being typed, kept in this tab's sessionStorage (never tokens) so that a reload or a
 * sign-in round trip after an expired session brings it back. Cleared once the lead is created and
 * when the rep signs out.
 */
const KEY = 'quicklead.lead-draft.v1';
const ID_KEY = 'quicklead.lead-draft-id.v1';

/**
 * The id of the lead being typed in this tab: made once, kept beside the draft (so a reload or a
 * duplicated tab has the same one), new after the lead is created or discarded. It is what stops
 * one draft becoming two leads.
 */
export function currentDraftId(): string {
  try {
    const saved = sessionStorage.getItem(ID_KEY);
    if (saved) return saved;
  } catch {
    // Storage blocked: an id for this page only.
  }
  const id = crypto.randomUUID();
  try {
    sessionStorage.setItem(ID_KEY, id);
  } catch {
    // As above.
  }
  return id;
}

export function loadLeadDraft(): Partial<LeadFormInput> | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return undefined;
    const draft: unknown = JSON.parse(raw);
    return typeof draft === 'object' && draft !== null && !Array.isArray(draft)
      ? (draft as Partial<LeadFormInput>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function saveLeadDraft(values: LeadFormInput): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(values));
  } catch {
    // Storage full or blocked: the form still works, it just will not survive a reload.
  }
}

export function clearLeadDraft(): void {
  try {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(ID_KEY);
  } catch {
    // Nothing to clear where storage is blocked.
  }
}

/**
 * A saved draft over the blank form, field by field: fields the account no longer has are dropped,
 * new ones keep their blank value, and anything of the wrong shape is ignored rather than trusted.
 */
export function withDraft(blank: LeadFormInput, draft: Partial<LeadFormInput> | undefined): LeadFormInput {
  if (!draft) return blank;
  const merged: Record<string, unknown> = { ...blank };
  for (const [key, value] of Object.entries(blank)) {
    const saved = (draft as Record<string, unknown>)[key];
    if (key === 'custom') continue;
    if (sameShape(value, saved)) merged[key] = saved;
  }
  const custom: Record<string, unknown> = { ...blank.custom };
  const savedCustom = (draft.custom ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(blank.custom)) {
    if (sameShape(value, savedCustom[key])) custom[key] = savedCustom[key];
  }
  merged.custom = custom;
  return merged as LeadFormInput;
}

function sameShape(blank: unknown, saved: unknown): boolean {
  if (saved === undefined) return false;
  // A picked contact is `null` when blank and `{ id, name }` when picked.
  if (blank === null)
    return (
      saved === null || (typeof saved === 'object' && saved !== null && 'id' in saved && 'name' in saved)
    );
  if (Array.isArray(blank)) return Array.isArray(saved) && saved.every((item) => typeof item === 'string');
  if (typeof blank === 'object') {
    return (
      typeof saved === 'object' &&
      saved !== null &&
      Object.keys(blank as object).every(
        (key) =>
          typeof (saved as Record<string, unknown>)[key] === typeof (blank as Record<string, unknown>)[key],
      )
    );
  }
  return typeof saved === typeof blank;
}
