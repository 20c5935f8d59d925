import { describe, expect, it } from 'vitest';
import {
  RECORDED_AVAILABLE,
  RECORDED_DIR,
  recordedResponses,
} from '../../sandbox/testing/recorded-responses.ts';
import { apiErrorFrom } from './api-error.ts';
import { permissionProblemOf } from './permission-problem.ts';

if (!RECORDED_AVAILABLE) {
  console.warn(
    `\n!!! Skipping the permission-problem contract test: no recorded Pipedrive responses in ${RECORDED_DIR}. The 403 wording is NOT checked against real Pipedrive bodies.\n`,
  );
}

/** The real 403 "Scope and URL mismatch" bodies recorded from Pipedrive (2020 and 2024). */
const scopeMismatches = () =>
  recordedResponses().filter((response) => response.folder === 'errors' && response.status === 403);

describe.skipIf(!RECORDED_AVAILABLE)('permissionProblemOf against real Pipedrive 403 bodies', () => {
  it('has the two recorded bodies to check', () => {
    expect(scopeMismatches().map((response) => response.file)).toEqual([
      'pipedrive__client-php__issue14-403-scope-url-mismatch-2020.json',
      'solspace__craft-freeform__issue1596-403-scope-url-mismatch-2024.json',
    ]);
  });

  it.each(scopeMismatches().map((response) => [response.file, response.body] as const))(
    '%s names the missing scope of the refused call, never the raw text',
    (_file, body) => {
      const error = apiErrorFrom(403, body);
      expect(error.message).toBe('Scope and URL mismatch');
      const problem = permissionProblemOf(error, { method: 'GET', path: '/api/v1/users' });
      expect(problem).toMatchObject({ kind: 'scope', need: { scope: 'users:read' } });
      expect(problem?.message).toContain('Read users (users:read), needed to choose a lead’s owner');
      expect(problem?.message).toContain('Developer Hub');
      expect(problem?.message).not.toContain('Scope and URL mismatch');

      const onCreate = permissionProblemOf(error, { method: 'POST', path: '/api/v1/leads' });
      expect(onCreate?.message).toContain('Create and read leads (leads:full)');
    },
  );
});
