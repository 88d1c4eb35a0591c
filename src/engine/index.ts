/** The engine's public API: no vscode import anywhere below src/engine. */
export { analyze, looksBinary, DEFAULT_MAX_CHARS, severityRank, type AnalyzeOptions } from './analyze';
export { LineIndex, type Position } from './text';
export { fallbackProfile, severityOf } from './profiles';
export { limitUnitCache } from './units';
export * from './types';
export { defaultPack } from '../rules';
