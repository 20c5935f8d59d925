import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, type Ref, useEffect, useState } from 'react';
import { MIN_SEARCH_LENGTH } from '@/pipedrive/contact-search.ts';
import { budgetSpentMessage, budgetSpentUntil } from '@/pipedrive/rate-limit.ts';
import { Combobox } from '@/ui/combobox.tsx';
import { useDebouncedValue } from '@/ui/use-debounced-value.ts';
import type { ContactOption, ContactRef } from './contact-ref.ts';

const SEARCH_DELAY_MS = 250;

export interface ContactPickerProps {
  id: string;
  value: ContactRef | null;
  /** `option` carries what the search knew about the pick, e.g. a person's organization. */
  onChange: (value: ContactRef | null, option?: ContactOption) => void;
  onBlur?: () => void;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
  label?: string;
  labelSuffix?: string;
  /** Offer "Create … “name”" as the last option (off inside the create dialogs themselves). */
  allowCreate?: boolean;
}

export interface Nouns {
  label: string;
  hint: string;
  one: string;
  many: string;
}

export interface CreateDialogProps {
  initialName: string;
  onCreated: (created: ContactOption) => void;
  onClose: () => void;
}

/**
 * Search-as-you-type over one Pipedrive entity. The search term is debounced; React Query caches
 * each term and aborts the request of a term that was typed past. When nothing fits, the last
 * option creates the contact in a dialog and picks it.
 */
export function ContactPicker({
  nouns,
  useSearch,
  renderCreateDialog,
  allowCreate = true,
  ...props
}: ContactPickerProps & {
  nouns: Nouns;
  useSearch: (term: string) => UseQueryResult<ContactOption[]>;
  renderCreateDialog: (dialog: CreateDialogProps) => ReactNode;
}) {
  const [inputValue, setInputValue] = useState(props.value?.name ?? '');
  const [creating, setCreating] = useState<string>();
  const typed = inputValue.trim();
  const term = useDebouncedValue(props.value ? '' : typed, SEARCH_DELAY_MS);
  const search = useSearch(term);
  const settled = term.length >= MIN_SEARCH_LENGTH && term === typed && !search.isPlaceholderData;
  const results = settled ? (search.data ?? []) : [];
  const exactMatch = results.some((option) => option.name.toLowerCase() === typed.toLowerCase());
  const createOption: ContactOption | undefined =
    allowCreate && settled && !search.isFetching && !exactMatch
      ? { id: -1, name: typed, create: true }
      : undefined;
  const items = props.value ? [] : createOption ? [...results, createOption] : results;

  // The modal dialog hands focus back to the picker input as it closes (see ModalDialog).
  const closeDialog = () => setCreating(undefined);

  // A value set from outside (the organization offer, a created contact) shows in the input.
  const pickedName = props.value?.name;
  useEffect(() => {
    if (pickedName !== undefined) setInputValue(pickedName);
  }, [pickedName]);

  return (
    <>
      <Combobox<ContactOption>
        id={props.id}
        label={props.label ?? nouns.label}
        labelSuffix={props.labelSuffix}
        hint={nouns.hint}
        error={props.error}
        items={items}
        itemToString={(item) => item?.name ?? ''}
        itemToKey={(item) => (item.create ? 'create' : item.id)}
        renderItem={(item) =>
          item.create ? (
            <span className="option__create">
              <span aria-hidden="true">+ </span>
              Create {nouns.one} “{item.name}”
            </span>
          ) : (
            <>
              <span className="option__name">{item.name}</span>
              {item.description && <span className="option__detail">{item.description}</span>}
            </>
          )
        }
        inputValue={inputValue}
        onInputValueChange={setInputValue}
        selectedItem={props.value}
        onSelectedItemChange={(item) => {
          if (item?.create) setCreating(item.name);
          else props.onChange(item ? { id: item.id, name: item.name } : null, item ?? undefined);
        }}
        status={statusText({
          typed,
          term,
          selected: props.value !== null,
          search,
          count: results.length,
          nouns,
        })}
        busy={search.isFetching}
        inputRef={props.inputRef}
        onBlur={props.onBlur}
      />
      {creating !== undefined &&
        renderCreateDialog({
          initialName: creating,
          onCreated: (created) => {
            closeDialog();
            props.onChange({ id: created.id, name: created.name }, created);
          },
          onClose: closeDialog,
        })}
    </>
  );
}

function statusText(s: {
  typed: string;
  term: string;
  selected: boolean;
  search: UseQueryResult<ContactOption[]>;
  count: number;
  nouns: Nouns;
}): string {
  if (s.selected || s.typed === '') return '';
  if (s.typed.length < MIN_SEARCH_LENGTH) return `Type at least ${MIN_SEARCH_LENGTH} characters to search`;
  if (s.term !== s.typed || s.search.isPending || (s.search.isFetching && s.search.isPlaceholderData)) {
    return 'Searching…';
  }
  if (s.search.isError) {
    // A spent daily budget is not a failure to retry: say when searching works again.
    const spentUntil = budgetSpentUntil(s.search.error);
    if (spentUntil !== undefined) return `QuickLead cannot search now. ${budgetSpentMessage(spentUntil)}`;
    return `Search failed: ${s.search.error.message}`;
  }
  if (s.count === 0) return `No ${s.nouns.many} match “${s.typed}”`;
  return `${s.count} ${s.count === 1 ? s.nouns.one : s.nouns.many} found`;
}
