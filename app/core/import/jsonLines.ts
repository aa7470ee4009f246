// Line numbers of a JSON array's elements, for messages about the k-th annotation of a COCO file.

/**
 * 1-based start lines of the elements of the array at the top level (`key` null) or under the top-level
 * object's `key`. One pass over the text; strings and escapes are skipped.
 */
export function elementLines(text: string, key: string | null): number[] {
  const lines: number[] = [];
  const stack: { arr: boolean; target: boolean }[] = [];
  let line = 1;
  let expectKey = false;
  let currentKey: string | null = null;
  let expectElem = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      line++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') continue;
    const top = stack[stack.length - 1];
    if (top?.target && expectElem && ch !== ']') {
      lines.push(line);
      expectElem = false;
    }
    if (ch === '"') {
      const start = i + 1;
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\') i++;
        else if (text[i] === '\n') line++;
        i++;
      }
      if (top && !top.arr && expectKey) {
        currentKey = text.slice(start, i);
        expectKey = false;
      }
      continue;
    }
    if (ch === '{' || ch === '[') {
      const arr = ch === '[';
      const target = arr && (key === null ? stack.length === 0 : stack.length === 1 && !stack[0].arr && currentKey === key);
      stack.push({ arr, target });
      expectKey = !arr;
      expectElem = target;
    } else if (ch === '}' || ch === ']') {
      stack.pop();
      expectKey = false;
    } else if (ch === ',') {
      if (top && !top.arr) expectKey = true;
      if (top?.target) expectElem = true;
    }
  }
  return lines;
}

/** Line of a UTF-16 offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
