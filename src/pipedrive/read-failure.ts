import { ApiError } from './api-error.ts';
import { permissionProblemOf } from './permission-problem.ts';
import { budgetSpentMessage, budgetSpentUntil } from './rate-limit.ts';

/**
 * Why a read failed, in words a rep can act on: the missing scope or permission of a 403, the
 * reset time of a spent daily budget, otherwise `fallback`.
 */
export function readFailureMessage(error: Error | undefined, fallback: string): string {
  if (error instanceof ApiError && error.call) {
    const problem = permissionProblemOf(error, error.call);
    if (problem) return problem.message;
  }
  const spentUntil = budgetSpentUntil(error);
  return spentUntil === undefined ? fallback : budgetSpentMessage(spentUntil);
}
