import { zodResolver } from '@hookform/resolvers/zod';
import { type QueryClient, type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type DefaultValues, type FieldValues, type Path, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { type LeadContact, noteNewContact } from '@/pipedrive/lead-lists.ts';
import type { Transport } from '@/pipedrive/transport.ts';
import { useTransport } from '@/pipedrive/transport-context.tsx';
import { createProblemOf } from './create-contact-form.tsx';
import type { LookupResult } from './duplicate-lookup.ts';

interface CreateContactOptions<TInput extends FieldValues, TValues, TCreated> {
  /** Which kind of contact: one created here starts with no leads, without a read. */
  kind: LeadContact['kind'];
  schema: z.ZodType<TValues, TInput>;
  defaultValues: DefaultValues<TInput>;
  /** The create call; its answer is what the picker gets. */
  create: (transport: Transport, values: TValues) => Promise<TCreated>;
  /** The searches a new contact makes stale. */
  staleSearches: QueryKey;
  /** The dialog's fields: a server error naming one of them lands on it, any other goes on top. */
  fields: ReadonlyArray<Path<TInput>>;
  /** Looks for the contact in Pipedrive before creating it; never throws (a failure is in the result). */
  lookUp: (client: QueryClient, transport: Transport, values: TValues) => Promise<LookupResult>;
  /** The fields the look-up searched: changing one makes its answer void. */
  lookedUpFields: ReadonlyArray<Path<TInput>>;
  onCreated: (created: TCreated, values: TValues) => void;
}

export type CreateStep = 'ready' | 'checking' | 'creating' | 'offered';

/**
 * The working of both inline create dialogs: the validated form, a look for the same contact in
 * Pipedrive when the rep presses create (once; the answer stays on screen until a searched field
 * changes), the create through React Query, and where a refusal lands. When the look finds
 * someone, or cannot look, the dialog says so and a second press creates anyway. Each dialog only
 * lays out its own fields.
 */
export function useCreateContact<TInput extends FieldValues, TValues, TCreated extends { id: number }>(
  options: CreateContactOptions<TInput, TValues, TCreated>,
) {
  const transport = useTransport();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string>();
  const [lookup, setLookup] = useState<LookupResult>();
  const [checking, setChecking] = useState(false);
  const form = useForm<TInput, unknown, TValues>({
    resolver: zodResolver(options.schema),
    defaultValues: options.defaultValues,
  });
  const create = useMutation({
    mutationFn: (values: TValues) => options.create(transport, values),
    onSuccess: (created) => {
      noteNewContact(queryClient, { kind: options.kind, id: created.id });
      // Stale, not read again now: the search index trails the create by seconds, so a search at
      // once would cost 20 tokens to find what it found before.
      return queryClient.invalidateQueries({ queryKey: options.staleSearches, refetchType: 'none' });
    },
  });

  const { lookedUpFields } = options;
  useEffect(() => {
    const subscription = form.watch((_values, { name }) => {
      if (name && lookedUpFields.includes(name)) setLookup(undefined);
    });
    return () => subscription.unsubscribe();
  }, [form, lookedUpFields]);

  const submit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    // The first press looks; after an offer (or a look that failed) the press is "create anyway".
    if (!lookup) {
      setChecking(true);
      const found = await options.lookUp(queryClient, transport, values).finally(() => setChecking(false));
      if (found.candidates.length > 0 || found.failure) {
        setLookup(found);
        return;
      }
    }
    try {
      options.onCreated(await create.mutateAsync(values), values);
    } catch (error) {
      const { field, message } = createProblemOf(error);
      const own = options.fields.find((name) => name === field);
      if (own) form.setError(own, { type: 'server', message });
      else setProblem(message);
    }
  });
  const step: CreateStep = checking
    ? 'checking'
    : form.formState.isSubmitting || create.isPending
      ? 'creating'
      : lookup
        ? 'offered'
        : 'ready';
  return { form, problem, submit, step, lookup };
}
