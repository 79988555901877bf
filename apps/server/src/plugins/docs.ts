import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';

/** The OpenAPI document (GET /docs/json) and its browsable page (GET /docs), built from the route schemas. */
export default fp(
  async (fastify) => {
    await fastify.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Unlearning Comparator API',
          description: 'Train models, run unlearning methods as jobs with live progress, and read, export and import result records.',
          version: '0.1.0',
        },
        tags: [
          { name: 'system', description: 'health' },
          { name: 'catalog', description: 'datasets, architectures, methods' },
          { name: 'models', description: 'checkpoints and the designated Original / Retrained models' },
          { name: 'jobs', description: 'training, unlearning and sweeps; progress as Server-Sent Events' },
          { name: 'results', description: 'result records: list, fetch, delete, export' },
          { name: 'imports', description: 'reference-system result files and external checkpoints' },
        ],
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      },
    });
    await fastify.register(swaggerUi, { routePrefix: '/docs' });
  },
  { name: 'docs', fastify: '5.x' },
);
