// The baseline for the queue benchmark: the binary heap most people would
// write, an array of { timeMs, seq, payload } nodes with the same total order.

interface HeapNode<T> {
  timeMs: number;
  seq: number;
  payload: T;
}

function before<T>(x: HeapNode<T>, y: HeapNode<T>): boolean {
  return x.timeMs < y.timeMs || (x.timeMs === y.timeMs && x.seq < y.seq);
}

export class ObjectHeap<T> {
  private nodes: HeapNode<T>[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.nodes.length;
  }

  push(timeMs: number, payload: T): void {
    const nodes = this.nodes;
    nodes.push({ timeMs, seq: this.nextSeq++, payload });
    let i = nodes.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(nodes[i]!, nodes[parent]!)) break;
      swap(nodes, i, parent);
      i = parent;
    }
  }

  pop(): HeapNode<T> | undefined {
    const nodes = this.nodes;
    const top = nodes[0];
    const last = nodes.pop();
    if (top === undefined || last === undefined || nodes.length === 0) return top;
    nodes[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < nodes.length && before(nodes[left]!, nodes[smallest]!)) smallest = left;
      if (right < nodes.length && before(nodes[right]!, nodes[smallest]!)) smallest = right;
      if (smallest === i) return top;
      swap(nodes, i, smallest);
      i = smallest;
    }
  }
}

function swap<T>(items: T[], i: number, j: number): void {
  const item = items[i]!;
  items[i] = items[j]!;
  items[j] = item;
}
