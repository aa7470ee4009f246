// Finds the first JSON syntax error in a text and explains it: V8's JSON.parse messages often carry
// no position, and never say that `NaN`, `True` or single quotes come from Python.

export interface SyntaxProblem {
  offset: number;
  message: string;
}

class Stop extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

const PYTHON_LITERALS: Record<string, string> = {
  True: 'true',
  False: 'false',
  None: 'null',
};

/** The first syntax error in text[start, end), or null when it is one valid JSON value. */
export function findJsonSyntaxError(text: string, start = 0, end = text.length): SyntaxProblem | null {
  let i = start;
  const ws = () => {
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
  };
  const describe = (at: number): string => {
    if (at >= end) return 'the end of the text';
    const ch = text[at];
    return ch === '\n' ? 'a line break' : `'${ch}'`;
  };
  const word = (at: number): string => {
    const m = /^[A-Za-z_][\w.]*/.exec(text.slice(at, Math.min(end, at + 20)));
    return m ? m[0] : '';
  };
  const value = (depth: number): void => {
    if (depth > 5000) throw new Stop(i, 'Nesting is too deep (more than 5000 levels).');
    ws();
    if (i >= end) throw new Stop(i, 'Unexpected end of the text: a value is missing.');
    const c = text[i];
    if (c === '{') {
      const open = i;
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === '}') throw new Stop(i, "Trailing comma before '}': remove the last ','.");
        if (text[i] === "'") throw new Stop(i, 'Keys must be in double quotes, not single quotes (this looks like a Python dict printed with str(); write it with json.dumps).');
        if (text[i] !== '"') {
          if (i >= end) throw new Stop(i, `Unexpected end of the text: the '{' opened at offset ${open} is not closed.`);
          throw new Stop(i, `Expected a key in double quotes, found ${describe(i)}.`);
        }
        string();
        ws();
        if (text[i] !== ':') throw new Stop(i, `Expected ':' after the key, found ${describe(i)}.`);
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        if (i >= end) throw new Stop(i, `Unexpected end of the text: an object ('{') is not closed.`);
        throw new Stop(i, `Expected ',' or '}' after a value in an object, found ${describe(i)}.`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] === ']') throw new Stop(i, "Trailing comma before ']': remove the last ','.");
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        if (i >= end) throw new Stop(i, `Unexpected end of the text: a list ('[') is not closed.`);
        throw new Stop(i, `Expected ',' or ']' after a list item, found ${describe(i)}.`);
      }
    }
    if (c === '"') {
      string();
      return;
    }
    if (c === "'") throw new Stop(i, 'Strings must be in double quotes, not single quotes (this looks like a Python dict printed with str(); write it with json.dumps).');
    if (c === '-' || (c >= '0' && c <= '9')) {
      number();
      return;
    }
    const w = word(i);
    if (w === 'true' || w === 'false' || w === 'null') {
      i += w.length;
      return;
    }
    if (w in PYTHON_LITERALS) throw new Stop(i, `'${w}' is Python, not JSON: write ${PYTHON_LITERALS[w]}.`);
    if (w === 'NaN' || w === 'Infinity') throw new Stop(i, `'${w}' is not valid JSON (Python's json.dumps writes it for float('${w.toLowerCase()}')): use null or a number.`);
    if (w === 'undefined') throw new Stop(i, "'undefined' is not valid JSON: use null.");
    throw new Stop(i, `Unexpected ${describe(i)}: expected a value (object, list, string, number, true, false or null).`);
  };
  const string = (): void => {
    const open = i;
    i++;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c === 92) {
        const n = text[i + 1];
        if (n === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Stop(i, 'Bad \\u escape: it needs four hex digits.');
          i += 6;
          continue;
        }
        if (!n || !'"\\/bfnrt'.includes(n)) throw new Stop(i, `Bad escape '\\${n ?? ''}' in a string.`);
        i += 2;
        continue;
      }
      if (c < 32) throw new Stop(i, c === 10 ? 'A string runs past the end of the line: close it with \'"\' or write the line break as \\n.' : 'A control character inside a string must be escaped.');
      i++;
    }
    throw new Stop(open, 'A string is not closed: it has no ending \'"\'.');
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, Math.min(end, i + 400)));
    if (!m) {
      if (text.slice(i, i + 9) === '-Infinity') throw new Stop(i, "'-Infinity' is not valid JSON: use null or a number.");
      throw new Stop(i, 'Malformed number.');
    }
    const after = text[i + m[0].length];
    if (after !== undefined && /[0-9.eE]/.test(after) && i + m[0].length < end) throw new Stop(i, 'Malformed number (leading zeros and a bare "." are not JSON).');
    i += m[0].length;
  };
  try {
    ws();
    if (i >= end) return { offset: start, message: 'The text is empty: expected a JSON list of tasks, a task object, or JSON Lines.' };
    value(0);
    ws();
    if (i < end) return { offset: i, message: `Unexpected ${describe(i)} after the end of the JSON value (several values need a list around them, or one per line as JSON Lines).` };
    return null;
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, message: e.message };
    if (e instanceof RangeError) return { offset: i, message: 'Nesting is too deep to check.' };
    throw e;
  }
}
