import { zodResolver } from '@hookform/resolvers/zod';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type DefaultValues, type FieldValues, type Path, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { Transport } from '@/pipedrive/transport.ts';
import { useTransport } from '@/pipedrive/transport-context.tsx';
import { createProblemOf } from './create-contact-form.tsx';

interface CreateContactOptions<TInput extends FieldValues, TValues, TCreated> {
  schema: z.ZodType<TValues, TInput>;
  defaultValues: DefaultValues<TInput>;
  /** The create call; its answer is what the picker gets. */
  create: (transport: Transport, values: TValues) => Promise<TCreated>;
  /** The searches a new contact makes stale. */
  staleSearches: QueryKey;
  /** The dialog's fields: a server error naming one of them lands on it, any other goes on top. */
  fields: ReadonlyArray<Path<TInput>>;
  onCreated: (created: TCreated, values: TValues) => void;
}

/**
 * The working of both inline create dialogs: the validated form, the create through React Query,
 * and where a refusal lands. Each dialog only lays out its own fields.
 */
export function useCreateContact<TInput extends FieldValues, TValues, TCreated>(
  options: CreateContactOptions<TInput, TValues, TCreated>,
) {
  const transport = useTransport();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string>();
  const form = useForm<TInput, unknown, TValues>({
    resolver: zodResolver(options.schema),
    defaultValues: options.defaultValues,
  });
  const create = useMutation({
    mutationFn: (values: TValues) => options.create(transport, values),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: options.staleSearches }),
  });
  const submit = form.handleSubmit(async (values) => {
    setProblem(undefined);
    try {
      options.onCreated(await create.mutateAsync(values), values);
    } catch (error) {
      const { field, message } = createProblemOf(error);
      const own = options.fields.find((name) => name === field);
      if (own) form.setError(own, { type: 'server', message });
      else setProblem(message);
    }
  });
  return { form, problem, submit, isSubmitting: form.formState.isSubmitting };
}
