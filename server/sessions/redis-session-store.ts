import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';
import { RedisTimelines } from './redis-timelines.ts';
import {
  SESSION_ABSOLUTE_TIMEOUT_MS,
  SESSION_IDLE_TIMEOUT_MS,
  type Session,
  sessionSchema,
} from './session-cookie.ts';
import {
  type SessionStore,
  SessionStoreUnavailableError,
  sessionDeadline,
  storeKeyOf,
} from './session-store.ts';

/** Longest a command may take before the store counts as unavailable (a hung Redis, not a slow one). */
const COMMAND_TIMEOUT_MS = 2_000;
const PREFIX = 'quicklead:';

// Write only while the session exists: a refresh or a call finishing after sign-out must not bring
// the session back. KEYS[1] session; ARGV: fields as name/value pairs…, then the TTL in ms last.
const WRITE_IF_EXISTS = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
for i = 1, #ARGV - 1, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
redis.call('PEXPIRE', KEYS[1], ARGV[#ARGV])
return 1`;

// Only the holder's token releases the lock: a holder whose lock ran out cannot free the next one's.
const RELEASE_IF_HELD = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

type Client = ReturnType<typeof createClient>;

/**
 * Sessions in Redis, shared by every instance: the cookie carries a random id, the tokens live
 * under a hash of it with the session's idle deadline as TTL (never past the absolute one). The
 * refresh lock is `SET NX PX` with a random token, released by a compare-and-delete script.
 * Deadlines are also checked against the server's clock on read, so the TTL is only housekeeping.
 */
export class RedisSessionStore implements SessionStore {
  readonly kind = 'redis';
  private readonly client: Client;
  private down = false;
  readonly timelines: RedisTimelines;
  /** Settles once the first connection is made or has failed: calls made at start-up wait for it. */
  private readonly firstConnect: Promise<unknown>;

  constructor(
    url: string,
    private readonly now: () => number,
    private readonly log: (line: string) => void = (line) => console.error(line),
  ) {
    this.client = createClient({
      url,
      // Fail at once while disconnected, rather than queueing calls the rep is waiting on.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: COMMAND_TIMEOUT_MS,
        reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000),
      },
    });
    this.client.on('error', (error: Error) => {
      if (this.down) return;
      this.down = true;
      this.log(`[quicklead] session store (Redis at ${redactedUrl(url)}) unavailable: ${error.message}`);
    });
    this.client.on('ready', () => {
      if (this.down) this.log(`[quicklead] session store (Redis at ${redactedUrl(url)}) is back`);
      this.down = false;
    });
    // Not awaited: the server starts while Redis is down, answering 503 until it is reachable.
    this.firstConnect = this.client.connect().catch(() => {});
    this.timelines = new RedisTimelines(this.client, (call) => this.guard(call));
  }

  async read(sid: string): Promise<Session | undefined> {
    const fields = await this.guard(() => this.client.hGetAll(sessionKey(sid)));
    const until = Number(fields.until);
    if (!fields.session || !(until > this.now())) return undefined;
    const parsed = sessionSchema.safeParse(safeJson(fields.session));
    if (!parsed.success || parsed.data.sid !== sid) return undefined;
    return this.now() < parsed.data.startedAt + SESSION_ABSOLUTE_TIMEOUT_MS ? parsed.data : undefined;
  }

  async create(session: Session): Promise<void> {
    const { until, ttl } = this.deadline(session);
    const key = sessionKey(session.sid);
    await this.guard(async () => {
      await this.client
        .multi()
        .hSet(key, { session: JSON.stringify(session), until: String(until) })
        .pExpire(key, ttl)
        .exec();
      const user = session.user;
      if (user?.companyId !== undefined) {
        const index = userIndexKey(user.companyId, user.id);
        await this.client.multi().sAdd(index, key).pExpire(index, SESSION_ABSOLUTE_TIMEOUT_MS).exec();
      }
    });
  }

  async update(session: Session): Promise<boolean> {
    const { until, ttl } = this.deadline(session);
    const written = await this.guard(() =>
      this.client.sendCommand<number>([
        'EVAL',
        WRITE_IF_EXISTS,
        '1',
        sessionKey(session.sid),
        'session',
        JSON.stringify(session),
        'until',
        String(until),
        String(ttl),
      ]),
    );
    return written === 1;
  }

  async touch(sid: string): Promise<void> {
    const session = await this.read(sid);
    if (!session) return;
    const { until, ttl } = this.deadline(session);
    await this.guard(() =>
      this.client.sendCommand([
        'EVAL',
        WRITE_IF_EXISTS,
        '1',
        sessionKey(sid),
        'until',
        String(until),
        String(ttl),
      ]),
    );
  }

  async delete(sid: string): Promise<void> {
    await this.guard(() => this.client.del([sessionKey(sid), lockKey(sid)]));
  }

  async deleteUserSessions(companyId: number, userId: number): Promise<number> {
    const index = userIndexKey(companyId, userId);
    return this.guard(async () => {
      const keys = await this.client.sMembers(index);
      const ended = keys.length > 0 ? await this.client.del(keys) : 0;
      await this.client.del(index);
      return ended;
    });
  }

  async lockRefresh(sid: string, ttlMs: number): Promise<(() => Promise<void>) | undefined> {
    const token = randomUUID();
    const key = lockKey(sid);
    const taken = await this.guard(() =>
      this.client.set(key, token, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } }),
    );
    if (taken !== 'OK') return undefined;
    return async () => {
      await this.guard(() => this.client.sendCommand(['EVAL', RELEASE_IF_HELD, '1', key, token]));
    };
  }

  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.close();
  }

  private deadline(session: Session): { until: number; ttl: number } {
    const now = this.now();
    const until = sessionDeadline(session, now, SESSION_IDLE_TIMEOUT_MS, SESSION_ABSOLUTE_TIMEOUT_MS);
    return { until, ttl: Math.max(1, until - now) };
  }

  /** Any failure of the store (down, unreachable, hung) is one error the routes answer with 503. */
  private async guard<T>(call: () => Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer in ${COMMAND_TIMEOUT_MS} ms`)),
        COMMAND_TIMEOUT_MS,
      );
    });
    try {
      return await Promise.race([this.firstConnect.then(call), timeout]);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new SessionStoreUnavailableError(`the session store is unavailable: ${message}`, {
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  }
}

const sessionKey = (sid: string) => `${PREFIX}session:${storeKeyOf(sid)}`;
const lockKey = (sid: string) => `${PREFIX}refresh-lock:${storeKeyOf(sid)}`;
const userIndexKey = (companyId: number, userId: number) => `${PREFIX}user-sessions:${companyId}:${userId}`;

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The URL without its password, for logs. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    return 'an unparsable URL';
  }
}
