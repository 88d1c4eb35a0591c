/**
 * The default rule pack: data only. One rule per file; section headers,
 * context triggers and profiles beside them.
 */
import type { Rule, RulePack } from '../engine/types';
import { contextDefinitions } from './context';
import { plan } from './plan';
import { profiles } from './profiles';
import { sectionHeaders } from './sections';

export const defaultRules: Rule[] = [plan];

export const defaultPack: RulePack = {
  name: 'healing-notes-default',
  sections: sectionHeaders,
  context: contextDefinitions,
  profiles,
  rules: defaultRules,
};
