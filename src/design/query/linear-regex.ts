// A whole-value regex matcher in time linear in the value (issue 10). JavaScript's
// RegExp backtracks: `(a+)+` or `a*a*a*a*a*` against 30 characters of an attribute
// value takes seconds, and a design must not be able to freeze the page or the
// worker. So the pattern's structure (groups, alternation, quantifiers, anchors) is
// compiled here into a Thompson NFA, simulated one value character at a time. Only
// single-character atoms (`a`, `.`, `\d`, `[^,]`) are left to RegExp, which tests
// one character with them and so cannot backtrack. The pattern reaching here has
// already been checked by RegExp, so only its shape is read, not its errors.

export interface LinearRegex {
  /** True when the whole of `text` matches. */
  test(text: string): boolean;
}

export type LinearRegexResult = { ok: true; regex: LinearRegex } | { ok: false; message: string };

type Assertion = 'start' | 'end' | 'word' | 'notWord';
type Node =
  | { kind: 'atom'; source: string }
  | { kind: 'assert'; assertion: Assertion }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'repeat'; node: Node; min: number; max: number };

type Instruction =
  | { op: 'char'; test: (c: string) => boolean }
  | { op: 'split'; to: number; alt: number }
  | { op: 'jmp'; to: number }
  | { op: 'assert'; assertion: Assertion }
  | { op: 'match' };

/** Counted repeats expand into copies; beyond this a pattern is refused, not slow. */
const MAX_INSTRUCTIONS = 10_000;

class Unsupported extends Error {}
const tooLarge = () =>
  new Unsupported('the pattern is too large (its counted repeats expand too far)');

class PatternReader {
  i = 0;
  constructor(readonly source: string) {}

  alternation(): Node {
    const options = [this.sequence()];
    while (this.source[this.i] === '|') {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? (options[0] as Node) : { kind: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (
      this.i < this.source.length &&
      this.source[this.i] !== '|' &&
      this.source[this.i] !== ')'
    )
      items.push(this.quantified(this.atom()));
    return { kind: 'seq', items };
  }

  private atom(): Node {
    const s = this.source;
    const start = this.i;
    const ch = s[start];
    if (ch === '(') return this.group();
    this.i++;
    if (ch === '^') return { kind: 'assert', assertion: 'start' };
    if (ch === '$') return { kind: 'assert', assertion: 'end' };
    if (ch === '[') {
      if (s[this.i] === '^') this.i++;
      while (this.i < s.length && s[this.i] !== ']') this.i += s[this.i] === '\\' ? 2 : 1;
      this.i++;
      return { kind: 'atom', source: s.slice(start, this.i) };
    }
    if (ch === '\\') return this.escape(start);
    return { kind: 'atom', source: s.slice(start, this.i) };
  }

  private group(): Node {
    const s = this.source;
    this.i++;
    if (
      s.startsWith('?=', this.i) ||
      s.startsWith('?!', this.i) ||
      s.startsWith('?<=', this.i) ||
      s.startsWith('?<!', this.i)
    )
      throw new Unsupported('lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not supported');
    if (s.startsWith('?:', this.i)) this.i += 2;
    else if (s.startsWith('?<', this.i)) this.i = s.indexOf('>', this.i) + 1;
    const inner = this.alternation();
    this.i++; // ')'
    return inner;
  }

  private escape(start: number): Node {
    const s = this.source;
    const next = s[this.i] ?? '';
    this.i++;
    if (next === 'b') return { kind: 'assert', assertion: 'word' };
    if (next === 'B') return { kind: 'assert', assertion: 'notWord' };
    if (
      /[1-9]/.test(next) ||
      (next === '0' && /\d/.test(s[this.i] ?? '')) ||
      (next === 'k' && s[this.i] === '<')
    )
      throw new Unsupported('backreferences (\\1, \\k<name>) and octal escapes are not supported');
    if (next === 'c' && /[A-Za-z]/.test(s[this.i] ?? '')) this.i++;
    else if (next === 'c') {
      // Annex B: a `\c` without a letter is a literal backslash, then `c`.
      this.i--;
      return { kind: 'atom', source: '\\\\' };
    } else if (next === 'x' && /^[0-9a-fA-F]{2}/.test(s.slice(this.i, this.i + 2))) this.i += 2;
    else if (next === 'u' && /^[0-9a-fA-F]{4}/.test(s.slice(this.i, this.i + 4))) this.i += 4;
    return { kind: 'atom', source: s.slice(start, this.i) };
  }

  private quantified(node: Node): Node {
    const s = this.source;
    const ch = s[this.i];
    let min = 0;
    let max = Number.POSITIVE_INFINITY;
    if (ch === '+') min = 1;
    else if (ch === '?') max = 1;
    else if (ch === '{') {
      COUNTED.lastIndex = this.i;
      const counted = COUNTED.exec(s);
      // Annex B: a `{` that does not make a count is a literal character.
      if (!counted) return node;
      min = Number(counted[1]);
      max = counted[2] === undefined ? min : counted[3] ? Number(counted[3]) : max;
      this.i += counted[0].length - 1;
    } else if (ch !== '*') return node;
    this.i++;
    // A lazy quantifier matches the same whole values as a greedy one.
    if (s[this.i] === '?') this.i++;
    return this.quantified({ kind: 'repeat', node, min, max });
  }
}

const COUNTED = /\{(\d+)(,(\d*))?\}/y;

class Compiler {
  readonly program: Instruction[] = [];
  /** Nodes emitted: an empty group repeated a billion times adds no instruction but costs time. */
  private work = 0;
  constructor(private readonly flags: string) {}

  private push(instruction: Instruction): number {
    if (this.program.length >= MAX_INSTRUCTIONS) throw tooLarge();
    this.program.push(instruction);
    return this.program.length - 1;
  }

  emit(node: Node): void {
    if (++this.work > MAX_INSTRUCTIONS * 10) throw tooLarge();
    switch (node.kind) {
      case 'atom': {
        const single = new RegExp(`^(?:${node.source})$`, this.flags.replace('m', ''));
        this.push({ op: 'char', test: (c) => single.test(c) });
        return;
      }
      case 'assert':
        this.push({ op: 'assert', assertion: node.assertion });
        return;
      case 'seq':
        for (const item of node.items) this.emit(item);
        return;
      case 'alt': {
        const jumps: number[] = [];
        const last = node.options.length - 1;
        node.options.forEach((option, index) => {
          if (index === last) {
            this.emit(option);
            return;
          }
          const split = this.push({ op: 'split', to: 0, alt: 0 });
          this.emit(option);
          jumps.push(this.push({ op: 'jmp', to: 0 }));
          this.program[split] = { op: 'split', to: split + 1, alt: this.program.length };
        });
        for (const jump of jumps) this.program[jump] = { op: 'jmp', to: this.program.length };
        return;
      }
      case 'repeat':
        this.repeat(node.node, node.min, node.max);
        return;
    }
  }

  private repeat(node: Node, min: number, max: number): void {
    for (let k = 0; k < min; k++) this.emit(node);
    if (max === Number.POSITIVE_INFINITY) {
      const split = this.push({ op: 'split', to: 0, alt: 0 });
      this.emit(node);
      this.push({ op: 'jmp', to: split });
      this.program[split] = { op: 'split', to: split + 1, alt: this.program.length };
      return;
    }
    const splits: number[] = [];
    for (let k = min; k < max; k++) {
      splits.push(this.push({ op: 'split', to: 0, alt: 0 }));
      this.emit(node);
    }
    for (const split of splits)
      this.program[split] = { op: 'split', to: split + 1, alt: this.program.length };
  }
}

const LINE_END = /[\n\r\u2028\u2029]/;
const WORD = /\w/;

function holds(assertion: Assertion, text: string, pos: number, multiline: boolean): boolean {
  switch (assertion) {
    case 'start':
      return pos === 0 || (multiline && LINE_END.test(text.charAt(pos - 1)));
    case 'end':
      return pos === text.length || (multiline && LINE_END.test(text.charAt(pos)));
    case 'word':
    case 'notWord': {
      const boundary = WORD.test(text.charAt(pos - 1)) !== WORD.test(text.charAt(pos));
      return boundary === (assertion === 'word');
    }
  }
}

/** Threads in `program` at `pos`: the char instructions reached without consuming; true if `match` is reached at the end. */
function simulate(program: readonly Instruction[], text: string, multiline: boolean): boolean {
  const seen = new Int32Array(program.length).fill(-1);
  let threads = [0];
  for (let pos = 0; pos <= text.length; pos++) {
    const ready: number[] = [];
    const stack = threads.slice().reverse();
    let matched = false;
    while (stack.length > 0) {
      const pc = stack.pop() as number;
      if (seen[pc] === pos) continue;
      seen[pc] = pos;
      const at = program[pc] as Instruction;
      if (at.op === 'jmp') stack.push(at.to);
      else if (at.op === 'split') stack.push(at.alt, at.to);
      else if (at.op === 'assert') {
        if (holds(at.assertion, text, pos, multiline)) stack.push(pc + 1);
      } else if (at.op === 'match') matched = true;
      else ready.push(pc);
    }
    if (pos === text.length) return matched;
    const c = text.charAt(pos);
    threads = [];
    for (const pc of ready) {
      const at = program[pc] as Instruction;
      if (at.op === 'char' && at.test(c)) threads.push(pc + 1);
    }
    if (threads.length === 0) return false;
  }
  return false;
}

/**
 * Compiles a JavaScript pattern (already valid for RegExp with `flags`) for whole-value
 * matching. Model: backreferences and lookaround are refused with a message; Java's
 * matcher takes them, but they have no linear-time match (ecs-behavior §4.5).
 */
export function compileLinearRegex(source: string, flags: string): LinearRegexResult {
  try {
    const reader = new PatternReader(source);
    const tree = reader.alternation();
    const compiler = new Compiler(flags);
    compiler.emit(tree);
    compiler.program.push({ op: 'match' });
    const program = compiler.program;
    const multiline = flags.includes('m');
    return { ok: true, regex: { test: (text) => simulate(program, text, multiline) } };
  } catch (e) {
    if (e instanceof Unsupported) return { ok: false, message: e.message };
    throw e;
  }
}
