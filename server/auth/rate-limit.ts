/** Fixed-window counters: `hit` returns false once `limit` hits happened within the window. */
export interface RateLimiter {
  hit(key: string, limit: number, windowMs: number): Promise<boolean>;
}

export function memoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    async hit(key, limit, windowMs) {
      const t = now();
      if (windows.size > 50_000) {
        for (const [k, w] of windows) if (t - w.start >= windowMs) windows.delete(k);
      }
      const w = windows.get(key);
      if (!w || t - w.start >= windowMs) {
        windows.set(key, { start: t, count: 1 });
        return true;
      }
      w.count += 1;
      return w.count <= limit;
    },
  };
}

interface RedisLike {
  incr(key: string): Promise<number>;
  pExpire(key: string, ms: number): Promise<unknown>;
}

/** Shared across nodes when REDIS_URL is set. */
export function redisRateLimiter(redis: RedisLike): RateLimiter {
  return {
    async hit(key, limit, windowMs) {
      const k = `hotline:rl:${key}`;
      const count = await redis.incr(k);
      if (count === 1) await redis.pExpire(k, windowMs);
      return count <= limit;
    },
  };
}
