import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VectorIndex } from '../../src/search/vector.js';

/** The vector index split into shards: one answer over all of them, the same after save and load. */

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function vectors(n: number, dims: number): number[][] {
  let s = 7;
  const next = () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  return Array.from({ length: n }, () => Array.from({ length: dims }, next));
}

function exactNearest(all: number[][], q: number[], k: number, allowed?: (u: number) => boolean): number[] {
  const cos = (a: number[], b: number[]) => {
    let ab = 0, aa = 0, bb = 0;
    a.forEach((x, i) => ((ab += x * b[i]!), (aa += x * x), (bb += b[i]! * b[i]!)));
    return ab / Math.sqrt(aa * bb);
  };
  return all
    .map((v, u) => ({ u, c: cos(v, q) }))
    .filter(({ u }) => !allowed || allowed(u))
    .sort((a, b) => b.c - a.c)
    .slice(0, k)
    .map(({ u }) => u);
}

describe('sharded vector index', () => {
  const all = vectors(100, 8);
  const index = VectorIndex.create(8, all.length, 16);
  all.forEach((v, u) => index.add(v, u));
  const queries = vectors(5, 8).map((v) => v.map((x) => -x));

  it('keeps every unit, in shards of the given size', () => {
    expect(index.size).toBe(100);
    expect(index.shardCount).toBe(7);
  });

  it('finds the nearest units whichever shard holds them, best first', () => {
    for (const q of queries) {
      const hits = index.search(q, 5);
      expect(hits.map((h) => h.unit)).toEqual(exactNearest(all, q, 5));
      expect(hits[0]!.similarity).toBeGreaterThanOrEqual(hits[4]!.similarity);
    }
  });

  it('keeps to the allowed units across shards', () => {
    const allowed = Uint8Array.from(all, (_, u) => (u % 3 === 0 ? 1 : 0));
    const hits = index.search(queries[0]!, 10, allowed);
    expect(hits.map((h) => h.unit)).toEqual(exactNearest(all, queries[0]!, 10, (u) => u % 3 === 0));
  });

  it('answers the same after save and load, one file a shard', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'veileder-vectors-'));
    dirs.push(dir);
    index.save(dir);
    expect(readdirSync(dir).sort()).toEqual(Array.from({ length: 7 }, (_, i) => `vectors-${i}.hnsw`).sort());
    const loaded = VectorIndex.load(dir, 8, 7);
    expect(loaded.size).toBe(100);
    for (const q of queries) expect(loaded.search(q, 5)).toEqual(index.search(q, 5));
  });
});
