import { checkLabelName, checkMetricName, prometheusText, type MetricFamily, type MetricType, type Sample } from './prometheus-text.js';

type Labels<L extends string> = Readonly<Record<L, string>>;

interface Family {
  readonly name: string;
  readonly help: string;
  readonly type: MetricType;
  samples(): Sample[];
}

/** Label values by series key; the key is the values in declaration order. */
class Series<L extends string> {
  private readonly values = new Map<string, { labels: Labels<L>; value: number }>();
  private readonly labelNames: readonly L[];

  constructor(labelNames: readonly L[]) {
    this.labelNames = labelNames;
  }

  update(labels: Labels<L>, change: (value: number) => number): void {
    const ordered = Object.fromEntries(this.labelNames.map((name) => [name, String(labels[name] ?? '')])) as Labels<L>;
    const key = JSON.stringify(this.labelNames.map((name) => ordered[name]));
    const entry = this.values.get(key) ?? { labels: ordered, value: 0 };
    entry.value = change(entry.value);
    this.values.set(key, entry);
  }

  samples(): Sample[] {
    return [...this.values.values()].map(({ labels, value }) => ({ labels, value }));
  }
}

/** A family of labelled series kept here, or read from elsewhere at each scrape through `collect`. */
abstract class SeriesFamily<L extends string> implements Family {
  abstract readonly type: MetricType;
  protected readonly series: Series<L>;
  private readonly collect?: () => readonly Sample[];
  constructor(
    readonly name: string,
    readonly help: string,
    labelNames: readonly L[],
    collect?: () => readonly Sample[],
  ) {
    this.series = new Series(labelNames);
    this.collect = collect;
  }

  samples(): Sample[] {
    return this.collect ? [...this.collect()] : this.series.samples();
  }
}

/**
 * Only goes up (requests answered, polls made): counted in memory, so a daemon restart starts
 * it again at 0 — or, with `collect`, read at each scrape from a count kept elsewhere (job runs
 * in the database), which survives restarts.
 */
export class Counter<L extends string = never> extends SeriesFamily<L> {
  readonly type = 'counter';

  inc(labels: Labels<L>, by = 1): void {
    if (by < 0 || !Number.isFinite(by)) throw new Error(`counter ${this.name} can only go up`);
    this.series.update(labels, (value) => value + by);
  }
}

/** A level (queue length, memory); set by its owner, or read when scraped through `collect`. */
export class Gauge<L extends string = never> extends SeriesFamily<L> {
  readonly type = 'gauge';

  set(labels: Labels<L>, value: number): void {
    this.series.update(labels, () => value);
  }
}

/**
 * The metrics of one daemon: declared once by their owner, passed to whoever updates them
 * (no global registry), written out in the Prometheus text format on each scrape.
 */
export class MetricsRegistry {
  private readonly families = new Map<string, Family>();

  /** `collect` reads the count at each scrape when it is kept elsewhere (the database). */
  counter<L extends string = never>(name: string, help: string, labelNames: readonly L[] = [], collect?: () => readonly Sample[]): Counter<L> {
    return this.add(new Counter<L>(name, help, checkedLabels(labelNames), collect));
  }

  /** `collect` is called at each scrape for values read from elsewhere (the database, the process). */
  gauge<L extends string = never>(name: string, help: string, labelNames: readonly L[] = [], collect?: () => readonly Sample[]): Gauge<L> {
    return this.add(new Gauge<L>(name, help, checkedLabels(labelNames), collect));
  }

  collect(): MetricFamily[] {
    return [...this.families.values()].map((family) => ({ name: family.name, help: family.help, type: family.type, samples: family.samples() }));
  }

  text(): string {
    return prometheusText(this.collect());
  }

  private add<F extends Family>(family: F): F {
    checkMetricName(family.name);
    if (this.families.has(family.name)) throw new Error(`metric ${family.name} declared twice`);
    this.families.set(family.name, family);
    return family;
  }
}

function checkedLabels<L extends string>(labelNames: readonly L[]): readonly L[] {
  labelNames.forEach(checkLabelName);
  return labelNames;
}
