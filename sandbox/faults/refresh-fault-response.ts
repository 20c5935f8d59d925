import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { dropConnection, FAULT_APPLIED_HEADER, STATUS_TEXTS } from './fault-injection.ts';
import { DEFAULT_RETRY_AFTER_SECONDS, type RefreshFault } from './refresh-faults.ts';

/** What a proxy in front of an OAuth server sends when the server behind it is down. */
const BAD_GATEWAY_PAGE = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;

/**
 * SANDBOX-ONLY: the answer a refresh fault (refresh-faults.ts) puts in place of the refresh
 * grant's. The grant is not handled, so the refresh token stays as it was.
 */
export function refreshFaultResponse(c: Context, fault: RefreshFault): Response {
  c.header(FAULT_APPLIED_HEADER, `refresh:${fault.kind}`);
  c.header('Cache-Control', 'no-store');
  switch (fault.kind) {
    case 'invalid_grant':
      // The body Pipedrive's own SDK tests mock for a refused refresh, as is.
      return c.json(
        { success: false, message: 'Invalid grant: refresh token is invalid', error: 'invalid_grant' },
        400,
      );
    case 'rate_limited':
      c.header('Retry-After', String(fault.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS));
      return c.json({ success: false, error: 'Request over limit', errorCode: 429 }, 429);
    case 'server_error': {
      const status = fault.status ?? 500;
      const text = STATUS_TEXTS[status] ?? 'Internal server error';
      const error = status === 503 ? 'temporarily_unavailable' : 'server_error';
      return c.json(
        { success: false, error, error_description: text, message: text },
        status as ContentfulStatusCode,
      );
    }
    case 'html_bad_gateway':
      return c.html(BAD_GATEWAY_PAGE, 502);
    case 'dropped':
      return dropConnection(c);
  }
}
