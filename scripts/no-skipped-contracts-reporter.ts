import type { Reporter, TestModule } from 'vitest/node';

/** Contract tests are the ones that read Pipedrive's documents and recordings from `../shared`. */
const CONTRACT_TEST = /\.contract\.test\.tsx?$/;

/**
 * With `QUICKLEAD_REQUIRE_CONTRACTS=1` (as `.ci/run` sets it), a contract test that is skipped, or
 * a run with no contract test at all, fails the run. Locally they skip with a notice when
 * `../shared/pipedrive` is absent; in CI it is always there, so a skip means nothing was checked.
 */
export class NoSkippedContractsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    if (process.env.QUICKLEAD_REQUIRE_CONTRACTS !== '1') return;
    const contracts = testModules.filter((module) => CONTRACT_TEST.test(module.moduleId));
    const skipped: string[] = [];
    let passed = 0;
    for (const module of contracts) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'skipped' || state === 'pending') skipped.push(`${module.moduleId} › ${test.fullName}`);
        if (state === 'passed') passed += 1;
      }
    }
    if (skipped.length === 0 && passed > 0) {
      console.log(`Contract tests: ${passed} ran, none skipped.`);
      return;
    }
    console.error(
      passed === 0
        ? 'No contract test ran: QUICKLEAD_REQUIRE_CONTRACTS=1 needs them.'
        : `Contract tests were skipped (QUICKLEAD_REQUIRE_CONTRACTS=1 forbids it):\n  ${skipped.join('\n  ')}`,
    );
    process.exitCode = 1;
  }
}
