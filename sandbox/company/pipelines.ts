import type { Pipeline } from './deal-types.ts';

/**
 * The company's one pipeline, with the stages of the pipeline a new Pipedrive company starts with.
 * A converted lead without `stage_id` or `pipeline_id` goes to the first stage of this one, as
 * Pipedrive documents for the default pipeline.
 */
export const SANDBOX_PIPELINES: readonly Pipeline[] = [
  {
    id: 1,
    name: 'Sales pipeline',
    stages: [
      { id: 1, name: 'Qualified', pipelineId: 1 },
      { id: 2, name: 'Contact made', pipelineId: 1 },
      { id: 3, name: 'Demo scheduled', pipelineId: 1 },
      { id: 4, name: 'Proposal made', pipelineId: 1 },
      { id: 5, name: 'Negotiations started', pipelineId: 1 },
    ],
  },
];

export function findStage(id: number) {
  return SANDBOX_PIPELINES.flatMap((pipeline) => pipeline.stages).find((stage) => stage.id === id);
}

export function findPipeline(id: number): Pipeline | undefined {
  return SANDBOX_PIPELINES.find((pipeline) => pipeline.id === id);
}
