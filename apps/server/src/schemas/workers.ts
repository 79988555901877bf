import { Type } from '@sinclair/typebox';

export const JobId = Type.String({ pattern: '^[0-9a-f]{8}$', description: '8 lower-case hex characters' });

export const WorkerHello = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200, description: 'the worker, as logs and health show it' }),
  datasets: Type.Record(Type.String({ pattern: '^[a-z0-9-]{1,64}$' }), Type.String({ pattern: '^[0-9a-f]{64}$' }), {
    description: 'sha256 checksum of each dataset the worker has, by id',
  }),
});

export const WorkerWelcome = Type.Object({
  queueUrl: Type.String({ description: 'the Redis of the BullMQ queue (MU_QUEUE_URL)' }),
  evaluation: Type.Union([Type.Literal('full'), Type.Literal('fast')], { description: 'the evaluation settings jobs use (MU_EVALUATION)' }),
});

export const OutputsStored = Type.Object({
  stored: Type.Boolean({ description: 'false: the job already had its outputs (a retried job), these were discarded' }),
});
