import { describe, expect, it } from 'vitest';
import { startSandbox } from '../serve.ts';
import { APP_ORIGIN } from '../testing/test-support.ts';
import { sandboxPlanFrom } from './sandbox-plan.ts';

describe('sandbox plan setting', () => {
  it('reads SANDBOX_PLAN: default premium, growth or premium in any case, anything else is an error', () => {
    expect(sandboxPlanFrom(undefined)).toBe('premium');
    expect(sandboxPlanFrom('')).toBe('premium');
    expect(sandboxPlanFrom('growth')).toBe('growth');
    expect(sandboxPlanFrom(' Premium ')).toBe('premium');
    expect(() => sandboxPlanFrom('ultimate')).toThrow(/SANDBOX_PLAN must be one of premium, growth/);
  });

  it('startSandbox passes the plan to the running sandbox', async () => {
    const running = await startSandbox({
      oauthOrigin: 'http://127.0.0.1:5181',
      apiOrigin: 'http://127.0.0.1:5182',
      appOrigins: [APP_ORIGIN],
      oauthPort: 0,
      apiPort: 0,
      plan: 'growth',
    });
    try {
      expect(running.sandbox.store.crm.plan).toBe('growth');
    } finally {
      await running.close();
    }
  });
});
