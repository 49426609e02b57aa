/** Dinic's maximum flow on a small integer network (a few thousand nodes). */
export class FlowNetwork {
  private readonly head: number[];
  private readonly to: number[] = [];
  private readonly capacity: number[] = [];
  private readonly next: number[] = [];

  constructor(readonly nodeCount: number) {
    this.head = new Array<number>(nodeCount).fill(-1);
  }

  /** Adds an edge and returns its id, for reading its flow afterwards. */
  addEdge(from: number, to: number, capacity: number): number {
    const id = this.to.length;
    this.to.push(to, from);
    this.capacity.push(capacity, 0);
    this.next.push(this.head[from], this.head[to]);
    this.head[from] = id;
    this.head[to] = id + 1;
    return id;
  }

  /** Flow on an edge after `maxFlow`: the capacity its reverse edge gained. */
  flowOn(edge: number): number {
    return this.capacity[edge + 1];
  }

  maxFlow(source: number, sink: number): number {
    let total = 0;
    const level = new Int32Array(this.nodeCount);
    const cursor = new Int32Array(this.nodeCount);
    while (this.buildLevels(source, sink, level)) {
      for (let node = 0; node < this.nodeCount; node++) cursor[node] = this.head[node];
      for (
        let pushed = this.push(source, sink, Infinity, level, cursor);
        pushed > 0;
        pushed = this.push(source, sink, Infinity, level, cursor)
      ) {
        total += pushed;
      }
    }
    return total;
  }

  private buildLevels(source: number, sink: number, level: Int32Array): boolean {
    level.fill(-1);
    level[source] = 0;
    const queue = [source];
    for (let i = 0; i < queue.length; i++) {
      for (let edge = this.head[queue[i]]; edge >= 0; edge = this.next[edge]) {
        if (this.capacity[edge] > 0 && level[this.to[edge]] < 0) {
          level[this.to[edge]] = level[queue[i]] + 1;
          queue.push(this.to[edge]);
        }
      }
    }
    return level[sink] >= 0;
  }

  private push(
    node: number,
    sink: number,
    limit: number,
    level: Int32Array,
    cursor: Int32Array,
  ): number {
    if (node === sink) return limit;
    for (; cursor[node] >= 0; cursor[node] = this.next[cursor[node]]) {
      const edge = cursor[node];
      const target = this.to[edge];
      if (this.capacity[edge] <= 0 || level[target] !== level[node] + 1) continue;
      const pushed = this.push(target, sink, Math.min(limit, this.capacity[edge]), level, cursor);
      if (pushed > 0) {
        this.capacity[edge] -= pushed;
        this.capacity[edge + 1] += pushed;
        return pushed;
      }
    }
    return 0;
  }
}
