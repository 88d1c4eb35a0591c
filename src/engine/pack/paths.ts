/**
 * JSON paths for messages, and file paths for `extends`, without Node's `path`
 * (the engine stays free of Node and VS Code). Both POSIX and Windows paths
 * are understood; a resolved path keeps the separator of the file it came from.
 */
import type { JsonPath } from './json-schema';

/** `customRules[0].evidence[1].pattern`, `rules["explain.fear-anger"].severity`. */
export function formatJsonPath(path: JsonPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(path);
}

function separatorOf(path: string): '/' | '\\' {
  return /^[A-Za-z]:\\/.test(path) || (path.includes('\\') && !path.includes('/')) ? '\\' : '/';
}

export function dirnameOf(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (i < 0) return '.';
  if (i === 0) return path[0];
  if (/^[A-Za-z]:$/.test(path.slice(0, i))) return path.slice(0, i + 1);
  return path.slice(0, i);
}

export function basenameOf(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** Resolves `target` against the directory `dir`, folding `.` and `..`. */
export function resolvePath(dir: string, target: string): string {
  const separator = separatorOf(isAbsolutePath(target) ? target : dir);
  const joined = isAbsolutePath(target) ? target : `${dir}${separator}${target}`;
  const root = /^[A-Za-z]:[\\/]/.test(joined) ? joined.slice(0, 3) : /^[\\/]/.test(joined) ? separator : '';
  const parts: string[] = [];
  for (const part of joined.slice(root.length).split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length && parts[parts.length - 1] !== '..') parts.pop();
      else if (!root) parts.push('..');
    } else parts.push(part);
  }
  return root.replace(/[\\/]$/, separator) + parts.join(separator);
}
