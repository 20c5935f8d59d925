import type { Context } from 'hono';

const ERROR_INFO = 'Please check developers.pipedrive.com';

export function unauthorized(c: Context, error: string): Response {
  return c.json({ success: false, error, errorCode: 401, error_info: ERROR_INFO }, 401);
}

export function scopeMismatch(c: Context): Response {
  return c.json(
    { success: false, error: 'Scope and URL mismatch', errorCode: 403, error_info: ERROR_INFO },
    403,
  );
}

/** Pipedrive's answer when the user's permission set does not allow the request (the spec's example). */
export function noPermission(c: Context): Response {
  return c.json(
    {
      success: false,
      error: 'You do not have permissions to do this.',
      error_info: ERROR_INFO,
      data: null,
      additional_data: null,
    },
    403,
  );
}

/** The body Pipedrive's lead endpoints send for a failed Joi validation. */
export function invalidDataset(c: Context, message: string): Response {
  return c.json(
    {
      success: false,
      data: null,
      additional_data: null,
      error: 'provided dataset is not valid',
      error_info: message,
    },
    400,
  );
}

/**
 * v2 validation errors. Best guess at the wording: Pipedrive's v2 endpoints answer bad query
 * parameters with "Validation failed: <param>: <reason>" and a code, but the exact texts are
 * not documented.
 */
export function v2ValidationError(c: Context, parameter: string, reason: string): Response {
  return c.json(
    {
      success: false,
      error: `Validation failed: ${parameter}: ${reason}`,
      code: 'ERR_SCHEMA_VALIDATION_FAILED',
      error_info: ERROR_INFO,
      data: null,
      additional_data: null,
    },
    400,
  );
}

export function apiError(
  c: Context,
  status: 400 | 404 | 415 | 500,
  error: string,
  errorInfo = ERROR_INFO,
): Response {
  return c.json({ success: false, error, error_info: errorInfo, data: null, additional_data: null }, status);
}

/**
 * A burst or search limit reached. Pipedrive does not document this body; it is a guess, the same
 * as the sandbox's injected 429s (sandbox/faults/fault-injection.ts) so the app meets one shape.
 * `Retry-After` is the seconds until the window has room again.
 */
export function overLimit(c: Context, retryAfterSeconds: number): Response {
  c.header('Retry-After', String(retryAfterSeconds));
  return c.json({ success: false, error: 'Request over limit', errorCode: 429 }, 429);
}

/**
 * The company's daily token budget spent: the body observed from live Pipedrive.
 * `Retry-After` is the seconds until the budget refills at midnight UTC, its documented reset.
 */
export function dailyBudgetExceeded(c: Context, retryAfterSeconds: number): Response {
  c.header('Retry-After', String(retryAfterSeconds));
  return c.json({ success: false, error: 'daily request budget exceeded', errorCode: 429 }, 429);
}
