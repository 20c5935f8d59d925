/**
 * The uninstall notice: after an uninstall Pipedrive sends `DELETE` to the app's callback URL with
 * HTTP Basic `client_id:client_secret` and a JSON body `{client_id, company_id, user_id, timestamp}`,
 * and ignores the answer. Pipedrive documents no timestamp format; the sandbox sends ISO 8601 in
 * UTC (`2026-11-22T12:00:00.000Z`).
 */
export interface UninstallNoticeBody {
  client_id: string;
  company_id: number;
  user_id: number;
  timestamp: string;
}

/** One DELETE the sandbox sent, as `GET /__sandbox/uninstall-calls` lists it. */
export interface UninstallCall {
  url: string;
  body: UninstallNoticeBody;
  /** The app's answer; null while it is awaited or when none came (see `error`). */
  status: number | null;
  /** Why no answer came: a network error, the timeout, or no fetch to send with. */
  error: string | null;
}

export interface UninstallNotice {
  url: string;
  clientId: string;
  clientSecret: string;
  userId: number;
  companyId: number;
}

/** A notice that hangs must not stay "awaited" for ever in the list. */
const NOTICE_TIMEOUT_MS = 10_000;
/** Only the newest are kept, so a long-running sandbox does not grow without bound. */
const MAX_CALLS = 500;

export class UninstallNotices {
  private readonly calls: UninstallCall[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  /**
   * `fetch` is how the DELETE leaves: a sandbox serving over HTTP uses the global one; an
   * in-process sandbox gets none unless a test passes one, so unit tests never reach a real app.
   */
  constructor(
    private readonly fetchImpl: typeof fetch | undefined,
    private readonly now: () => number,
  ) {}

  /** Fire and forget, as Pipedrive does: the answer is recorded, never acted on. */
  send(notice: UninstallNotice): void {
    const call: UninstallCall = {
      url: notice.url,
      body: {
        client_id: notice.clientId,
        company_id: notice.companyId,
        user_id: notice.userId,
        timestamp: new Date(this.now()).toISOString(),
      },
      status: null,
      error: null,
    };
    this.calls.push(call);
    if (this.calls.length > MAX_CALLS) this.calls.splice(0, this.calls.length - MAX_CALLS);
    const sending = this.deliver(call, notice).finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
  }

  /** Copies, newest last; with a userId, only that user's. */
  list(userId?: number): UninstallCall[] {
    return this.calls
      .filter((call) => userId === undefined || call.body.user_id === userId)
      .map((call) => ({ ...call, body: { ...call.body } }));
  }

  clear(): void {
    this.calls.length = 0;
  }

  /** Resolves when every DELETE sent so far has its answer or its error, for tests. */
  async settled(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private async deliver(call: UninstallCall, notice: UninstallNotice): Promise<void> {
    if (!this.fetchImpl) {
      call.error = 'not sent: this in-process sandbox was given no fetch';
      return;
    }
    // Pipedrive's SDK sends the pair unencoded; neither sandbox client id nor secret needs it.
    const credentials = Buffer.from(`${notice.clientId}:${notice.clientSecret}`).toString('base64');
    try {
      const response = await this.fetchImpl(notice.url, {
        method: 'DELETE',
        headers: { authorization: `Basic ${credentials}`, 'content-type': 'application/json' },
        body: JSON.stringify(call.body),
        // The notice goes to the registered URL only; a redirect is an answer like any other.
        redirect: 'manual',
        signal: AbortSignal.timeout(NOTICE_TIMEOUT_MS),
      });
      call.status = response.status;
      // The body is not read, but it is drained so the connection can be reused or closed.
      await response.body?.cancel().catch(() => undefined);
    } catch (error) {
      call.error = error instanceof Error ? error.message : String(error);
    }
  }
}
