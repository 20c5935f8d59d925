import type { createClient } from '@redis/client';
import type { FlowStep } from '../../common/inspector/model.ts';
import type { InspectorStoreLimits } from '../inspector/inspector-store.ts';
import { fitStep, TIMELINE_BYTES_EMPTY } from '../inspector/step-size.ts';
import { storeKeyOf } from './session-store.ts';

/**
 * Appends steps, then drops the oldest API calls (never the sign-in's steps) until the timeline
 * is within its step and byte bounds. KEYS[1] the list, KEYS[2] its byte count; ARGV: max steps,
 * max bytes, TTL in ms, then the steps as JSON. Bytes are counted as served: each step, the commas
 * between them and the empty timeline around them (`#` is a string's length in bytes).
 */
const APPEND_BOUNDED = `
local maxSteps, maxBytes, ttl = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
for i = 4, #ARGV do
  redis.call('RPUSH', KEYS[1], ARGV[i])
  redis.call('INCRBY', KEYS[2], #ARGV[i] + 1)
end
local count = redis.call('LLEN', KEYS[1])
local bytes = tonumber(redis.call('GET', KEYS[2]) or '0')
while count > 0 and (count > maxSteps or bytes + ${TIMELINE_BYTES_EMPTY} - 1 > maxBytes) do
  local steps = redis.call('LRANGE', KEYS[1], 0, -1)
  local victim = steps[1]
  for _, step in ipairs(steps) do
    if cjson.decode(step).kind == 'api-call' then victim = step break end
  end
  redis.call('LREM', KEYS[1], 1, victim)
  bytes = bytes - #victim - 1
  count = count - 1
end
redis.call('SET', KEYS[2], bytes)
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('PEXPIRE', KEYS[2], ttl)
return count`;

type Client = ReturnType<typeof createClient>;

/**
 * The inspector's timelines in Redis, beside the sessions: a session sees its whole timeline
 * whichever instance made each call or answers. Bounded per timeline as in memory (steps and
 * bytes, oldest API calls first) and by the session's idle TTL; Redis holds no more timelines than
 * it holds sessions and sign-ins in progress.
 */
export class RedisTimelines {
  constructor(
    private readonly client: Client,
    private readonly guard: <T>(call: () => Promise<T>) => Promise<T>,
  ) {}

  async append(key: string, steps: readonly FlowStep[], ttlMs: number, limits: InspectorStoreLimits) {
    const fitted = steps.flatMap((step) => {
      const kept = fitStep(step, limits.maxStepBytes);
      return kept ? [JSON.stringify(kept.step)] : [];
    });
    if (fitted.length === 0) return;
    const { list, bytes } = keysOf(key);
    await this.guard(() =>
      this.client.sendCommand([
        'EVAL',
        APPEND_BOUNDED,
        '2',
        list,
        bytes,
        String(limits.maxSteps),
        String(limits.maxEntryBytes),
        String(Math.max(1, Math.round(ttlMs))),
        ...fitted,
      ]),
    );
  }

  async steps(key: string): Promise<FlowStep[] | undefined> {
    const items = await this.guard(() => this.client.lRange(keysOf(key).list, 0, -1));
    return items.length === 0 ? undefined : items.map((item) => JSON.parse(item) as FlowStep);
  }

  async drop(key: string): Promise<void> {
    const { list, bytes } = keysOf(key);
    await this.guard(() => this.client.del([list, bytes]));
  }
}

function keysOf(key: string) {
  const hashed = storeKeyOf(key);
  return { list: `quicklead:timeline:${hashed}`, bytes: `quicklead:timeline-bytes:${hashed}` };
}
