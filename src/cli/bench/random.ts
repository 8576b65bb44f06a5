/**
 * A seeded pseudo-random generator (mulberry32): tiny, fast, and the same
 * sequence for a seed on every machine and Node version, which is all a
 * synthetic dataset needs (not for anything secret).
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A stream of its own for each (seed, key, index): item i comes out the same however items are batched. */
  static of(seed: number, key: string, index: number): Random {
    let h = (seed ^ 0x9e3779b9) >>> 0;
    for (const char of `${key}:${index}`) h = Math.imul(h ^ char.charCodeAt(0), 0x85ebca6b) >>> 0;
    return new Random(h ^ (h >>> 16));
  }

  /** In [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One item, each as likely as its weight. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let r = this.next() * total;
    for (const [item, weight] of items) {
      r -= weight;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }

  /** `count` different items by weight (fewer if there are not that many). */
  weightedSample<T>(items: ReadonlyArray<readonly [T, number]>, count: number): T[] {
    const left = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && left.length) {
      const item = this.weighted(left);
      chosen.push(item);
      left.splice(
        left.findIndex(([i]) => i === item),
        1,
      );
    }
    return chosen;
  }

  /** `count` different items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.weightedSample(
      items.map((item) => [item, 1] as const),
      count,
    );
  }
}
