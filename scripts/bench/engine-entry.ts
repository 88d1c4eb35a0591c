/**
 * What the benchmark children load: the engine bundled the way dist/ bundles
 * it (compromise inside), plus the cache reset that lets a throughput pass
 * start as cold as a fresh process would.
 */
import { compilePack } from '../../src/engine/compile';
import { analyze, defaultPack } from '../../src/engine/index';
import { clearUnitCache } from '../../src/engine/units';

export { analyze, compilePack, defaultPack };

/** Forgets the default pack's per-paragraph scans (not compromise's per-sentence subject cache). */
export function resetCaches(): void {
  clearUnitCache(compilePack(defaultPack));
}
