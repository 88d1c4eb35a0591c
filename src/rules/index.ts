/**
 * The default rule pack: data only. One rule per file; section headers,
 * context triggers and profiles beside them.
 */
import type { Rule, RulePack } from '../engine/types';
import { permission } from './authority/permission';
import { noAbandon } from './committed/no-abandon';
import { contextDefinitions } from './context';
import { fearAnger } from './explain/fear-anger';
import { hopes } from './explain/hopes';
import { understanding } from './explain/understanding';
import { plan } from './plan';
import { profiles } from './profiles';
import { sectionHeaders } from './sections';

export const defaultRules: Rule[] = [understanding, fearAnger, hopes, plan, permission, noAbandon];

export const defaultPack: RulePack = {
  name: 'healing-notes-default',
  sections: sectionHeaders,
  context: contextDefinitions,
  profiles,
  rules: defaultRules,
};
