import { EntitySchema } from 'typeorm/entity-schema/EntitySchema.js';
import { epoch, id, json, str, text } from './columns.js';

export interface ServiceStateRow { service_name: string; is_active: boolean; last_updated: number; last_error: string | null }

export const ServiceStateEntity = new EntitySchema<ServiceStateRow>({
  name: 'ServiceState',
  tableName: 'service_states',
  columns: {
    service_name: { type: 'varchar', primary: true }, is_active: { type: 'boolean', default: false },
    last_updated: epoch(), last_error: text(true),
  },
});

export interface JobRunRow {
  id: number; job: string; trigger: string; status: string; started_at: number; finished_at: number | null;
  duration_ms: number | null; output_file: string | null; error: string | null; details: string;
}

export const JobRunEntity = new EntitySchema<JobRunRow>({
  name: 'JobRun',
  tableName: 'job_runs',
  columns: {
    id: id(), job: str(), trigger: str(), status: str(), started_at: epoch(), finished_at: epoch(true),
    duration_ms: { type: 'integer', nullable: true }, output_file: str(true), error: text(true), details: json('{}'),
  },
  indices: [{ name: 'idx_job_runs_job_started', columns: ['job', 'started_at'] }],
});

/** Cursors and checkpoints that must survive a restart (habit 11). */
export interface SyncStateRow { key: string; value: string; updated_at: number }

export const SyncStateEntity = new EntitySchema<SyncStateRow>({
  name: 'SyncState',
  tableName: 'sync_state',
  columns: { key: { type: 'varchar', primary: true }, value: text(), updated_at: epoch() },
});
