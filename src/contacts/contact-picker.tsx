import type { UseQueryResult } from '@tanstack/react-query';
import { type Ref, useState } from 'react';
import { MIN_SEARCH_LENGTH } from '@/pipedrive/search-persons.ts';
import { Combobox } from '@/ui/combobox.tsx';
import { useDebouncedValue } from '@/ui/use-debounced-value.ts';
import type { ContactOption, ContactRef } from './contact-ref.ts';

const SEARCH_DELAY_MS = 250;

export interface ContactPickerProps {
  id: string;
  value: ContactRef | null;
  onChange: (value: ContactRef | null) => void;
  onBlur?: () => void;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
}

interface Nouns {
  label: string;
  hint: string;
  one: string;
  many: string;
}

/**
 * Search-as-you-type over one Pipedrive entity. The search term is debounced; React Query caches
 * each term and aborts the request of a term that was typed past.
 */
export function ContactPicker({
  nouns,
  useSearch,
  ...props
}: ContactPickerProps & { nouns: Nouns; useSearch: (term: string) => UseQueryResult<ContactOption[]> }) {
  const [inputValue, setInputValue] = useState(props.value?.name ?? '');
  const typed = inputValue.trim();
  const term = useDebouncedValue(props.value ? '' : typed, SEARCH_DELAY_MS);
  const search = useSearch(term);
  const results = term.length >= MIN_SEARCH_LENGTH && term === typed ? (search.data ?? []) : [];
  const selected: ContactOption | null = props.value;

  return (
    <Combobox<ContactOption>
      id={props.id}
      label={nouns.label}
      hint={nouns.hint}
      error={props.error}
      items={props.value ? [] : results}
      itemToString={(item) => item?.name ?? ''}
      itemToKey={(item) => item.id}
      renderItem={(item) => (
        <>
          <span className="option__name">{item.name}</span>
          {item.description && <span className="option__detail">{item.description}</span>}
        </>
      )}
      inputValue={inputValue}
      onInputValueChange={setInputValue}
      selectedItem={selected}
      onSelectedItemChange={(item) => props.onChange(item ? { id: item.id, name: item.name } : null)}
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
  if (s.search.isError) return `Search failed: ${s.search.error.message}`;
  if (s.count === 0) return `No ${s.nouns.many} match “${s.typed}”`;
  return `${s.count} ${s.count === 1 ? s.nouns.one : s.nouns.many} found`;
}
