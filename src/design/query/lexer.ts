import type { Operator } from './ast';

// A lexer driven by the parser: the same characters mean different things by
// position (`!in` is an operator, `!(` a negation; `t2.*` is a value, not a
// subject), so the parser asks for the kind of token it expects next.

export interface Lexeme {
  text: string;
  start: number;
}

/** Subjects, keywords and word operators: attribute names allow `- _ / . :` (design schema). */
const NAME_CHAR = /[A-Za-z0-9_\-./:]/;
/** A bare value ends at whitespace, brackets, commas and quotes; anything else needs quotes. */
const VALUE_STOP = /[\s()[\],'"]/;

const SYMBOL_OPERATORS: readonly (readonly [string, Operator])[] = [
  ['!exists', 'not_exists'],
  ['!in', 'not_in'],
  ['==', 'equals'],
  ['!=', 'not_equals'],
  ['>=', 'greater_than_equal'],
  ['<=', 'less_than_equal'],
  ['=~', 'matches'],
  ['!~', 'not_matches'],
  ['>', 'greater_than'],
  ['<', 'less_than'],
];

const WORD_OPERATORS: Readonly<Record<string, Operator>> = {
  equals: 'equals',
  not_equals: 'not_equals',
  greater_than: 'greater_than',
  greater_than_equal: 'greater_than_equal',
  less_than: 'less_than',
  less_than_equal: 'less_than_equal',
  exists: 'exists',
  not_exists: 'not_exists',
  in: 'in',
  not_in: 'not_in',
  matches: 'matches',
  not_matches: 'not_matches',
};

export type ValueToken =
  | { ok: true; value: string; start: number }
  | { ok: false; message: string; position: number };

export class QueryLexer {
  pos = 0;

  constructor(readonly source: string) {}

  /** Skips whitespace; returns where the next token starts. */
  next(): number {
    while (this.pos < this.source.length && /\s/.test(this.source.charAt(this.pos))) this.pos++;
    return this.pos;
  }

  atEnd(): boolean {
    return this.next() >= this.source.length;
  }

  /** Consumes `text` if it comes next. */
  accept(text: string): boolean {
    const at = this.next();
    if (!this.source.startsWith(text, at)) return false;
    this.pos = at + text.length;
    return true;
  }

  peekName(): Lexeme | undefined {
    const start = this.next();
    let end = start;
    while (end < this.source.length && NAME_CHAR.test(this.source.charAt(end))) end++;
    return end > start ? { text: this.source.slice(start, end), start } : undefined;
  }

  readName(): Lexeme | undefined {
    const name = this.peekName();
    if (name) this.pos = name.start + name.text.length;
    return name;
  }

  /** Consumes the keyword (`and`, `or`, `not`, any case) if it is the next whole word. */
  acceptKeyword(keyword: string): boolean {
    const name = this.peekName();
    if (name?.text.toLowerCase() !== keyword) return false;
    this.pos = name.start + name.text.length;
    return true;
  }

  readOperator(): { operator: Operator; lexeme: Lexeme } | undefined {
    const start = this.next();
    for (const [symbol, operator] of SYMBOL_OPERATORS) {
      if (!this.source.startsWith(symbol, start)) continue;
      const end = start + symbol.length;
      // `!exists`/`!in` are words: `!inside` is not `!in` followed by `side`.
      if (/[a-z]$/.test(symbol) && NAME_CHAR.test(this.source.charAt(end))) continue;
      this.pos = end;
      return { operator, lexeme: { text: symbol, start } };
    }
    const name = this.peekName();
    const operator = name ? WORD_OPERATORS[name.text.toLowerCase()] : undefined;
    if (!name || !operator) return undefined;
    this.pos = name.start + name.text.length;
    return { operator, lexeme: name };
  }

  /** A quoted or bare value, or undefined when none starts here. */
  readValue(): ValueToken | undefined {
    const start = this.next();
    const quote = this.source.charAt(start);
    if (quote === "'" || quote === '"') return this.readQuoted(quote, start);
    let end = start;
    while (end < this.source.length) {
      const c = this.source.charAt(end);
      if (VALUE_STOP.test(c)) break;
      // `a == b&&c == d`: the connectives end a value even without spaces.
      if ((c === '&' || c === '|') && this.source.charAt(end + 1) === c) break;
      end++;
    }
    if (end === start) return undefined;
    this.pos = end;
    return { ok: true, value: this.source.slice(start, end), start };
  }

  /** Inside quotes a backslash escapes only the quote and itself, so regexes like `\d` pass unchanged. */
  private readQuoted(quote: string, start: number): ValueToken {
    let value = '';
    let i = start + 1;
    while (i < this.source.length) {
      const c = this.source.charAt(i);
      if (c === quote) {
        this.pos = i + 1;
        return { ok: true, value, start };
      }
      const after = this.source.charAt(i + 1);
      if (c === '\\' && (after === quote || after === '\\')) {
        value += after;
        i += 2;
      } else {
        value += c;
        i++;
      }
    }
    return { ok: false, message: `unterminated ${quote} quoted value`, position: start };
  }

  /** A short quote of what comes next, for error messages. */
  describeNext(): string {
    const start = this.next();
    if (start >= this.source.length) return 'the end of the expression';
    const rest = this.source.slice(start);
    const word = /^\S+/.exec(rest)?.[0] ?? rest;
    return `'${word.length > 20 ? `${word.slice(0, 20)}...` : word}'`;
  }
}
