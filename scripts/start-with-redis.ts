/**
 * `npm start` with sessions in Redis: a Redis of its own on a free loopback port (Debian's
 * redis-server, nothing written to disk), then QuickLead with `QUICKLEAD_SESSION_STORE` pointing
 * at it. For the e2e suite's `redis` project; Redis stops when this process ends.
 */
import { startLocalRedis } from '../server/testing/local-redis.ts';

const redis = await startLocalRedis();
process.env.QUICKLEAD_SESSION_STORE = redis.url;
// start.ts ends the process on SIGINT/SIGTERM; Redis goes with it.
process.on('exit', () => redis.kill());
await import('./start.ts');
