import { type PermissionProblem, permissionProblemOf } from './permission-problem.ts';
import type { Transport } from './transport.ts';

/**
 * Pipedrive's latest 403 permission refusal per call. A failed read reaches the screen as an
 * ApiError that does not say which request it was, so the transport notes each refusal with its
 * request, and the screen can then name the missing permission. A later answer that is not a 403
 * clears the call's entry (the permission was given meanwhile).
 */
export class PermissionRefusals {
  private readonly byCall = new Map<string, PermissionProblem>();
  private snapshot: readonly PermissionProblem[] = [];
  private readonly listeners = new Set<() => void>();

  watch(transport: Transport): Transport {
    return async (request) => {
      const response = await transport(request);
      const key = `${request.method} ${request.path}`;
      if (response.status === 403) {
        // Read from a copy before handing the answer on: the refusal is known by the time the error is.
        const body: unknown = await response
          .clone()
          .json()
          .catch(() => undefined);
        const problem = permissionProblemOf({ status: 403, message: errorTextOf(body) }, request);
        if (problem) this.update(() => this.byCall.set(key, problem));
      } else if (this.byCall.has(key)) {
        this.update(() => this.byCall.delete(key));
      }
      return response;
    };
  }

  /** Each distinct refusal once (two lead calls refused alike say it once), oldest first. */
  readonly current = (): readonly PermissionProblem[] => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(change: () => void): void {
    change();
    const seen = new Set<string>();
    this.snapshot = [...this.byCall.values()].filter((problem) => {
      if (seen.has(problem.message)) return false;
      seen.add(problem.message);
      return true;
    });
    for (const listener of this.listeners) listener();
  }
}

function errorTextOf(body: unknown): string {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  return typeof error === 'string' ? error : '';
}
