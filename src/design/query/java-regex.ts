/**
 * `matches` in the cluster query language takes Java regular expressions
 * (ecs-behavior §4.5). JavaScript's syntax agrees on the common subset; this turns
 * the Java-only forms people write into JavaScript: leading inline flags `(?i)`,
 * `(?s)`, `(?m)`; `\Q...\E` quoting; possessive quantifiers (`++`, `*+`, `?+`, `}+`,
 * read as greedy: for a whole-value match they differ only where backtracking
 * would have found a match possession forbids); POSIX classes `\p{Lower}` and kin.
 */

const POSIX: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
};

export type JavaRegex =
  | { ok: true; source: string; flags: string }
  | { ok: false; message: string };

function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

export function translateJavaRegex(pattern: string): JavaRegex {
  let i = 0;
  let flags = '';
  const lead = /^\(\?([a-zA-Z]+)\)/.exec(pattern);
  if (lead) {
    for (const f of lead[1] ?? '') {
      if (f === 'i' || f === 's' || f === 'm') {
        if (!flags.includes(f)) flags += f;
      } else {
        return { ok: false, message: `the inline flag (?${f}) is not supported` };
      }
    }
    i = lead[0].length;
  }
  let out = '';
  let inClass = false;
  while (i < pattern.length) {
    const ch = pattern[i] ?? '';
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      if (next === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        const literal = pattern.slice(i + 2, end < 0 ? pattern.length : end);
        out += escapeLiteral(literal);
        i = end < 0 ? pattern.length : end + 2;
        continue;
      }
      if ((next === 'p' || next === 'P') && pattern[i + 2] === '{') {
        const close = pattern.indexOf('}', i + 3);
        const name = close < 0 ? '' : pattern.slice(i + 3, close).replace(/^Is/, '');
        const ranges = POSIX[name];
        if (ranges === undefined)
          return { ok: false, message: `the class \\${next}{${name}} is not supported` };
        if (next === 'P') out += inClass ? '' : `[^${ranges}]`;
        else out += inClass ? ranges : `[${ranges}]`;
        if (next === 'P' && inClass)
          return { ok: false, message: 'a negated class \\P{...} inside [...] is not supported' };
        i = close + 1;
        continue;
      }
      out += ch + next;
      i += 2;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      i++;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      if (pattern[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (pattern[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      i++;
      continue;
    }
    out += ch;
    // Possessive quantifier: drop its '+'.
    if (
      (ch === '*' || ch === '+' || ch === '?' || ch === '}') &&
      pattern[i + 1] === '+' &&
      out.length > 1
    ) {
      i += 2;
      continue;
    }
    i++;
  }
  return { ok: true, source: out, flags };
}
