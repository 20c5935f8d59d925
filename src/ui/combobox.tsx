import { useCombobox } from 'downshift';
import type { ReactNode, Ref } from 'react';
import { describedBy } from './field-ids.ts';
import { FieldShell } from './field-shell.tsx';

interface ComboboxProps<Item> {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  items: Item[];
  itemToString: (item: Item | null) => string;
  itemToKey: (item: Item) => string | number;
  renderItem: (item: Item) => ReactNode;
  inputValue: string;
  onInputValueChange: (value: string) => void;
  selectedItem: Item | null;
  onSelectedItemChange: (item: Item | null) => void;
  /** Announced politely and shown in the popup: "Searching…", "No people match …", "3 people found". */
  status: string;
  busy?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  onBlur?: () => void;
  placeholder?: string;
  labelSuffix?: string;
}

/**
 * The one accessible combobox of the app (ARIA APG pattern via downshift): focus stays in the
 * input, arrows move the active option, Enter picks, Escape closes. Results come from the caller,
 * which does its own (server) filtering.
 */
export function Combobox<Item>(props: ComboboxProps<Item>) {
  const { id, label, hint, error, items, itemToString, selectedItem, inputValue } = props;
  const combobox = useCombobox<Item>({
    items,
    itemToString,
    itemToKey: (item) => (item === null ? null : props.itemToKey(item)),
    inputId: id,
    labelId: `${id}-label`,
    menuId: `${id}-listbox`,
    selectedItem,
    inputValue,
    onInputValueChange: ({ inputValue: next, type }) => {
      props.onInputValueChange(next);
      // Typing over a picked value un-picks it, so the form never holds a choice the input no longer shows.
      if (
        type === useCombobox.stateChangeTypes.InputChange &&
        selectedItem &&
        next !== itemToString(selectedItem)
      ) {
        props.onSelectedItemChange(null);
      }
    },
    onSelectedItemChange: ({ selectedItem: next }) => props.onSelectedItemChange(next ?? null),
  });

  const showPopup = combobox.isOpen && (items.length > 0 || props.status !== '');
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} labelSuffix={props.labelSuffix}>
      <div className="combobox">
        <input
          className="input"
          placeholder={props.placeholder}
          aria-invalid={error ? true : undefined}
          aria-busy={props.busy ? true : undefined}
          {...combobox.getInputProps({
            ref: props.inputRef,
            onBlur: props.onBlur,
            'aria-describedby': describedBy(id, { hint, error }),
          })}
        />
        <div className="combobox__popup" hidden={!showPopup}>
          <ul className="combobox__list" {...combobox.getMenuProps({ 'aria-label': label })}>
            {combobox.isOpen &&
              items.map((item, index) => (
                <li
                  key={props.itemToKey(item)}
                  className={
                    combobox.highlightedIndex === index ? 'combobox__option is-active' : 'combobox__option'
                  }
                  {...combobox.getItemProps({ item, index })}
                >
                  {props.renderItem(item)}
                </li>
              ))}
          </ul>
          {props.status && items.length === 0 && <p className="combobox__status">{props.status}</p>}
        </div>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {combobox.isOpen ? props.status : ''}
      </p>
    </FieldShell>
  );
}
