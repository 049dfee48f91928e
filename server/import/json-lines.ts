/**
 * Where things are in a JSON text (JSON.parse gives no positions): the lines objects start on, and
 * the line a syntax error is on. No imports, so every reader can use it.
 */

/**
 * Line numbers (1-based) where the objects inside the arrays at `batch.<key>` start: a small scanner
 * that follows strings, escapes and nesting (JSON.parse gives no positions).
 */
export function arrayItemLines(text: string, outer: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const stack: { kind: '{' | '['; key: string | null }[] = [];
  let line = 1;
  let lastString: string | null = null;
  let pendingKey: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\n') line++;
    else if (ch === '"') {
      let j = i + 1;
      let s = '';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\') {
          s += text[j + 1] ?? '';
          j += 2;
        } else {
          if (text[j] === '\n') line++;
          s += text[j];
          j++;
        }
      }
      lastString = s;
      i = j;
    } else if (ch === ':') {
      pendingKey = lastString;
    } else if (ch === '{' || ch === '[') {
      const parent = stack[stack.length - 1];
      const grand = stack[stack.length - 2];
      // An object directly in the array that is the value of `<outer>.<key>`.
      if (ch === '{' && parent?.kind === '[' && parent.key !== null && grand?.kind === '{' && grand.key === outer) {
        const list = out.get(parent.key);
        if (list) list.push(line);
        else out.set(parent.key, [line]);
      }
      stack.push({ kind: ch, key: parent?.kind === '{' ? pendingKey : null });
      pendingKey = null;
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',') {
      pendingKey = null;
    }
  }
  return out;
}

/** Line numbers (1-based) of the objects directly inside a JSON text that is an array (`[{…}, {…}]`). */
export function topLevelItemLines(text: string): number[] {
  // The same scanner, with the array wrapped as `{"x": {"items": …}}` on the first line (no line moves).
  return arrayItemLines(`{"x":{"items":${text}}}`, 'x').get('items') ?? [];
}

/** The line of a JSON.parse error in `text` (from "line N" or "position N" in its message), else null. */
export function jsonErrorLine(text: string, e: unknown): number | null {
  const message = e instanceof Error ? e.message : String(e);
  const line = /\bline (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /\bposition (\d+)/.exec(message);
  if (!position) return null;
  return text.slice(0, Number(position[1])).split('\n').length;
}
