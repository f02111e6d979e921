// The daemon's group commit (src/daemon/group-commit.ts): requests arriving together are
// written in one call, each answered with its own result.
import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../src/daemon/group-commit.js';

function recorder(options: { maxSize: number; gatherMs?: number; writeMs?: number; fail?: boolean }) {
  const groups: number[][] = [];
  const commit = new GroupCommit<number, string>(
    async (items) => {
      groups.push([...items]);
      if (options.writeMs) await new Promise((resolve) => setTimeout(resolve, options.writeMs));
      if (options.fail) throw new Error('disk full');
      return items.map((item) => `stored ${item}`);
    },
    { sizeOf: (item) => item, maxSize: options.maxSize, gatherMs: options.gatherMs },
  );
  return { commit, groups };
}

describe('GroupCommit', () => {
  it('writes the requests of one loop turn together, answering each with its own result', async () => {
    const { commit, groups } = recorder({ maxSize: 100 });
    const results = await Promise.all([commit.submit(10), commit.submit(20), commit.submit(30)]);
    expect(results).toEqual(['stored 10', 'stored 20', 'stored 30']);
    expect(groups).toEqual([[10, 20, 30]]);
  });

  it('never puts more than maxSize in a group, unless one request alone is larger', async () => {
    const { commit, groups } = recorder({ maxSize: 50 });
    await Promise.all([commit.submit(30), commit.submit(30), commit.submit(80), commit.submit(10)]);
    expect(groups).toEqual([[30], [30], [80], [10]]);
    const next = recorder({ maxSize: 50 });
    await Promise.all([next.commit.submit(20), next.commit.submit(20), next.commit.submit(20)]);
    expect(next.groups).toEqual([[20, 20], [20]]);
  });

  it('fails every request of a group whose write fails', async () => {
    const { commit } = recorder({ maxSize: 100, fail: true });
    const settled = await Promise.allSettled([commit.submit(1), commit.submit(2)]);
    expect(settled.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });

  it('with gatherMs, lets a group wait for requests that arrive over several turns — no longer than the last write took', async () => {
    const { commit, groups } = recorder({ maxSize: 100, gatherMs: 1000, writeMs: 40 });
    await commit.submit(1); // the first write: nothing to wait for, it took ~40 ms
    const arriving = [commit.submit(2)];
    await new Promise((resolve) => setImmediate(resolve));
    arriving.push(commit.submit(3));
    await new Promise((resolve) => setTimeout(resolve, 5));
    arriving.push(commit.submit(4));
    const started = performance.now();
    await Promise.all(arriving);
    expect(groups).toEqual([[1], [2, 3, 4]]);
    // Waited at most about the last write's 40 ms, not gatherMs' 1,000.
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('writes a full group at once, without waiting out gatherMs', async () => {
    const { commit, groups } = recorder({ maxSize: 10, gatherMs: 3000, writeMs: 500 });
    await commit.submit(1); // the last write now took 500 ms: a group may wait that long
    const started = performance.now();
    await Promise.all([commit.submit(4), commit.submit(6)]);
    expect(groups).toEqual([[1], [4, 6]]);
    // Its own 500 ms write, not another 500 ms of waiting first.
    expect(performance.now() - started).toBeLessThan(500 + 300);
  });
});
