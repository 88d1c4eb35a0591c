// Test entry of the restricted-mode suite (extensionTestsPath = out/test/integration-restricted/index.js).
// scripts/test-integration.mjs opens test/fixtures/restricted-workspace for it with workspace trust
// enabled and the folder not trusted. The runner is the main suite's, pointed at this folder.
import { runSuite } from '../integration/index';

export function run(): Promise<void> {
  return runSuite(__dirname);
}
