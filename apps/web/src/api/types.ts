/**
 * The server's response types, taken from its TypeBox schemas (types only: nothing of the server
 * reaches the bundle). Result records and method descriptors come from @mu/schema.
 */
import type { Static } from '@sinclair/typebox';
import type {
  Architecture as ArchitectureSchema,
  BaselineStatus as BaselineStatusSchema,
  Checkpoint as CheckpointSchema,
  Dataset as DatasetSchema,
  Health as HealthSchema,
  ImportReport as ImportReportSchema,
  MethodInfo as MethodInfoSchema,
  ResultHeadline as ResultHeadlineSchema,
  TimeEstimates as TimeEstimatesSchema,
} from '../../../server/src/schemas/api.js';
import type { Job as JobSchema, JobProgress as JobProgressSchema, JobSpec as JobSpecType } from '../../../server/src/schemas/job.js';

export type Dataset = Static<typeof DatasetSchema>;
export type Architecture = Static<typeof ArchitectureSchema>;
export type MethodInfo = Static<typeof MethodInfoSchema>;
export type Checkpoint = Static<typeof CheckpointSchema>;
export type BaselineStatus = Static<typeof BaselineStatusSchema>;
export type Health = Static<typeof HealthSchema>;
export type ImportReport = Static<typeof ImportReportSchema>;
export type ResultHeadline = Static<typeof ResultHeadlineSchema>;
export type TimeEstimates = Static<typeof TimeEstimatesSchema>;
export type Job = Static<typeof JobSchema>;
export type JobProgress = Static<typeof JobProgressSchema>;
export type JobSpec = JobSpecType;
export type { ResultRecord, ResultSummary, MethodDescriptor, ParamSpec, ParamValue } from '@mu/schema';
