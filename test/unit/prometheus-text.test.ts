// The Prometheus text writer and the metrics registry: HELP/TYPE lines, escaping, number spelling,
// and the registry's guards (names, counters that only go up, one declaration per name).
import { describe, expect, it } from 'vitest';
import { MetricsRegistry } from '../../src/daemon/metrics/metrics-registry.js';
import { formatValue, prometheusText } from '../../src/daemon/metrics/prometheus-text.js';

describe('prometheusText', () => {
  it('writes HELP and TYPE before the samples of each family, one sample per line, a final newline', () => {
    const text = prometheusText([
      { name: 'aime_listens', help: 'Listens stored, by source.', type: 'gauge', samples: [{ labels: { source: 'roon' }, value: 12 }, { labels: { source: 'lastfm' }, value: 3 }] },
      { name: 'aime_up_total', help: 'Starts.', type: 'counter', samples: [{ labels: {}, value: 1 }] },
    ]);
    expect(text).toBe(
      [
        '# HELP aime_listens Listens stored, by source.',
        '# TYPE aime_listens gauge',
        'aime_listens{source="roon"} 12',
        'aime_listens{source="lastfm"} 3',
        '# HELP aime_up_total Starts.',
        '# TYPE aime_up_total counter',
        'aime_up_total 1',
        '',
      ].join('\n'),
    );
    expect(prometheusText([])).toBe('');
  });

  it('escapes backslash, double quote and line feed in label values, and backslash and line feed in HELP', () => {
    const text = prometheusText([{ name: 'm', help: 'a \\ b\nc "d"', type: 'gauge', samples: [{ labels: { zone: 'Salon "A"\\B\nC' }, value: 1 }] }]);
    expect(text).toContain('# HELP m a \\\\ b\\nc "d"\n');
    expect(text).toContain('m{zone="Salon \\"A\\"\\\\B\\nC"} 1\n');
  });

  it('spells special values as Prometheus does', () => {
    expect([NaN, Infinity, -Infinity, 0.25, 1e21, -3].map(formatValue)).toEqual(['NaN', '+Inf', '-Inf', '0.25', '1e+21', '-3']);
  });
});

describe('MetricsRegistry', () => {
  it('keeps one series per label set, in declaration order of the labels', () => {
    const registry = new MetricsRegistry();
    const requests = registry.counter('aime_http_requests_total', 'Requests.', ['route', 'status']);
    requests.inc({ status: '200', route: '/health' });
    requests.inc({ route: '/health', status: '200' }, 2);
    requests.inc({ route: '/metrics', status: '200' });
    expect(registry.text()).toContain('aime_http_requests_total{route="/health",status="200"} 3\naime_http_requests_total{route="/metrics",status="200"} 1\n');
  });

  it('reads collected gauges at each scrape, and set gauges as last set', () => {
    const registry = new MetricsRegistry();
    let level = 1;
    registry.gauge('aime_level', 'Level.', [], () => [{ labels: {}, value: level }]);
    const queue = registry.gauge('aime_queue', 'Queue.', ['target']);
    queue.set({ target: 'lb' }, 5);
    queue.set({ target: 'lb' }, 2);
    level = 7;
    expect(registry.text()).toContain('aime_level 7\n');
    expect(registry.text()).toContain('aime_queue{target="lb"} 2\n');
  });

  it('refuses bad names, a second declaration of a name, and a counter going down', () => {
    const registry = new MetricsRegistry();
    expect(() => registry.counter('aime-bad', 'x')).toThrow(/invalid metric name/);
    expect(() => registry.counter('aime_ok_total', 'x', ['__reserved'])).toThrow(/invalid label name/);
    const counter = registry.counter('aime_ok_total', 'x');
    expect(() => registry.gauge('aime_ok_total', 'x')).toThrow(/declared twice/);
    expect(() => counter.inc({}, -1)).toThrow(/only go up/);
  });
});
