import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { databaseRateLimitStore } from '../../services/limits/rate-limit-store.js';

/**
 * Rate limits counted where every process of the deployment sees them: in Redis when REDIS_URL
 * is set, else in the database. Limits are declared per route (`config.rateLimit`) or made with
 * `app.createRateLimit`; nothing is limited globally.
 */
export async function registerRateLimit(app: FastifyInstance) {
  const { config, db } = app.ctx;
  if (config.redisUrl) {
    // Imported only here: a deployment without REDIS_URL never loads the client.
    const { Redis } = await import('ioredis');
    // A Redis that is down fails the limited request quickly instead of queueing it without end.
    const redis = new Redis(config.redisUrl, { keyPrefix: config.redisKeyPrefix, maxRetriesPerRequest: 1, connectTimeout: 2_000, enableOfflineQueue: true });
    redis.on('error', (err) => app.log.warn({ err }, 'redis connection error'));
    app.addHook('onClose', async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
    await app.register(rateLimit, { global: false, redis, nameSpace: 'rl:' });
  } else {
    await app.register(rateLimit, { global: false, store: databaseRateLimitStore(db) });
  }
}
