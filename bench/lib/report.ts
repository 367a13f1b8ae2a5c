/**
 * Figures a benchmark prints, and the summary table `npm run bench` ends with.
 * Benchmarks report; they never assert: a missed target is printed, not thrown.
 */
export type Comparison = '>=' | '<=' | '<' | '>';

export interface Target {
  op: Comparison;
  value: number;
}

export interface Figure {
  /** Benchmark name (csv-import, …). */
  benchmark: string;
  /** What was measured, e.g. "PostgreSQL lines/s". */
  name: string;
  /** null when the measurement was skipped (see note). */
  value: number | null;
  /** The run was stopped at `value`: the true figure is larger (printed as "> value"). */
  atLeast?: boolean;
  unit: string;
  target?: Target;
  note?: string;
}

export interface Benchmark {
  name: string;
  title: string;
  run(): Promise<Figure[]>;
}

export type Verdict = 'met' | 'MISSED' | 'skipped' | '';

export function verdict(f: Figure): Verdict {
  if (f.value === null) return 'skipped';
  if (!f.target) return '';
  const { op, value } = f.target;
  const ok = op === '>=' ? f.value >= value : op === '<=' ? f.value <= value : op === '<' ? f.value < value : f.value > value;
  // A lower bound settles an "at least" target only when it meets it, an "at most" one only when it misses it.
  if (f.atLeast && (op === '>=' || op === '>') !== ok) return '';
  return ok ? 'met' : 'MISSED';
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatValue(value: number | null, unit: string, atLeast = false): string {
  return value === null ? '—' : `${atLeast ? '> ' : ''}${formatNumber(value)} ${unit}`.trim();
}

export function formatTarget(f: Figure): string {
  return f.target ? `${f.target.op} ${formatNumber(f.target.value)} ${f.unit}`.trim() : '—';
}

/** A plain text table: the first row is the header. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n');
}

export function summaryTable(figures: Figure[]): string {
  return table([
    ['benchmark', 'measurement', 'value', 'target', 'verdict', 'note'],
    ...figures.map((f) => [f.benchmark, f.name, formatValue(f.value, f.unit, f.atLeast), formatTarget(f), verdict(f), f.note ?? '']),
  ]);
}

/** Prints one figure as it is measured, so a long run shows progress. */
export function printFigure(f: Figure) {
  const v = verdict(f);
  const target = f.target ? ` (target ${formatTarget(f)}: ${v})` : '';
  const note = f.note ? ` [${f.note}]` : '';
  console.log(`  => ${f.name}: ${formatValue(f.value, f.unit, f.atLeast)}${target}${note}`);
}

export function log(message: string) {
  console.log(`  ${message}`);
}
