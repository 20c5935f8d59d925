import { retryAfterSecondsOf } from '@common/retry-after.ts';

/** Which call failed: a 403 means a different permission for each endpoint. */
export interface FailedCall {
  method: string;
  /** The path QuickLead sent, without the query, e.g. `/api/v1/leadLabels`. */
  path: string;
}

/**
 * A failed Pipedrive call. `message` is Pipedrive's own `error` text; `detail` its `error_info`;
 * `field` the request field the error names, when it names one (`"owner_id" must be a number`).
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly field: string | undefined;
  /** Epoch ms at which Pipedrive said to come back (a 429's `Retry-After`, counted from its arrival). */
  readonly retryAt: number | undefined;

  constructor(
    readonly status: number,
    message: string,
    readonly detail: string | undefined,
    /** From `Retry-After` on a 429: how long Pipedrive asks to wait. */
    readonly retryAfterSeconds?: number,
    /** The call that failed, when known. */
    readonly call?: FailedCall,
  ) {
    super(message);
    this.field = fieldNamedIn(detail);
    this.retryAt = retryAfterSeconds === undefined ? undefined : Date.now() + retryAfterSeconds * 1000;
  }

  /** The most specific text Pipedrive gave: the validation detail when there is one. */
  get reason(): string {
    return this.detail && !GENERIC_INFO.test(this.detail) ? this.detail : this.message;
  }
}

const GENERIC_INFO = /developers\.pipedrive\.com/i;

/** Joi calls the whole body "value": rules across fields are about no single field. */
const WHOLE_BODY_RULE = /^"value" (must contain at least one of|contains .* without its required peers)/;

/** Pipedrive validation messages name the field first, in double quotes, Joi style. */
export function fieldNamedIn(detail: string | undefined): string | undefined {
  if (!detail || GENERIC_INFO.test(detail) || WHOLE_BODY_RULE.test(detail.trim())) return undefined;
  const match = /^"([a-z0-9_]+)(?:[.[][^"]*)?"/i.exec(detail.trim());
  return match?.[1];
}

/** Builds an ApiError from any error body, tolerating HTML or empty bodies from proxies. */
export function apiErrorFrom(
  status: number,
  body: unknown,
  retryAfter?: string | null,
  call?: FailedCall,
): ApiError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const error = typeof record.error === 'string' ? record.error : `Pipedrive answered ${status}`;
  const info = typeof record.error_info === 'string' ? record.error_info : undefined;
  return new ApiError(status, error, info, retryAfterSecondsOf(retryAfter), call);
}
