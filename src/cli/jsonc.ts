/**
 * JSON with comments (`//`, `/* *\/`) and trailing commas, as in VS Code's
 * settings files: a small parser that says where a syntax error is.
 */

export class JsoncError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

export function parseJsonc(text: string): unknown {
  let i = 0;

  const fail = (message: string, at = i): never => {
    throw new JsoncError(message, at);
  };
  const describe = (at: number) => (at >= text.length ? 'end of file' : `'${text[at]}'`);

  function skip(): void {
    for (;;) {
      while (i < text.length && /\s/.test(text[i])) i++;
      if (text.startsWith('//', i)) {
        while (i < text.length && text[i] !== '\n') i++;
      } else if (text.startsWith('/*', i)) {
        const end = text.indexOf('*/', i + 2);
        if (end === -1) fail('unterminated comment');
        i = end + 2;
      } else return;
    }
  }

  function value(): unknown {
    skip();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const [word, result] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return result;
      }
    }
    return fail(`unexpected ${describe(i)}: expected a value`);
  }

  function object(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    i++;
    for (;;) {
      skip();
      if (text[i] === '}') {
        i++;
        return result;
      }
      if (text[i] !== '"') fail(`unexpected ${describe(i)}: expected a property name in double quotes or '}'`);
      const key = string();
      skip();
      if (text[i] !== ':') fail(`unexpected ${describe(i)}: expected ':' after "${key}"`);
      i++;
      result[key] = value();
      skip();
      if (text[i] === ',') i++;
      else if (text[i] !== '}') fail(`unexpected ${describe(i)}: expected ',' or '}'`);
    }
  }

  function array(): unknown[] {
    const result: unknown[] = [];
    i++;
    for (;;) {
      skip();
      if (text[i] === ']') {
        i++;
        return result;
      }
      result.push(value());
      skip();
      if (text[i] === ',') i++;
      else if (text[i] !== ']') fail(`unexpected ${describe(i)}: expected ',' or ']'`);
    }
  }

  function string(): string {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\n') fail('unterminated string', start);
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail('unterminated string', start);
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail('invalid escape in string', start);
    }
  }

  function number(): number {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail('invalid number');
    i += match![0].length;
    return Number(match![0]);
  }

  const result = value();
  skip();
  if (i < text.length) fail(`unexpected ${describe(i)} after the end of the settings`);
  return result;
}
