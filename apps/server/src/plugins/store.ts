import fp from 'fastify-plugin';
import { Store } from '../store/store.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
  }
}

/** Opens the data folder's database (migrating it), tidies the checkpoint index, closes on shutdown. */
export default fp(
  async (fastify) => {
    const store = new Store(fastify.config.dataDir);
    const { adopted, dropped, unreadable } = await store.reconcile();
    for (const { file, reason } of unreadable) fastify.log.warn(`unreadable checkpoint ${file} in ${store.checkpointDir}, not indexed: ${reason}`);
    if (adopted.length > 0) fastify.log.info(`indexed checkpoints found in ${store.checkpointDir}: ${adopted.join(', ')}`);
    if (dropped.length > 0) fastify.log.warn(`checkpoints missing from ${store.checkpointDir}, dropped from the index: ${dropped.join(', ')}`);
    fastify.decorate('store', store);
    fastify.addHook('onClose', async () => store.close());
  },
  { name: 'store', dependencies: ['config'], fastify: '5.x' },
);
