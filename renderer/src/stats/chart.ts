// uPlot behind a Svelte action: the chart owns its canvas, Svelte owns everything around it (legend, readout, table).
import uPlot from 'uplot';
import type { WeekStats } from '../../../electron/core/stats.ts';

export const STACK = ['completed', 'partial', 'natural', 'skipped', 'missed'] as const;
export type StackKey = (typeof STACK)[number];

export interface WeekChartParams {
  weeks: WeekStats[];
  /** Label of a week on the x axis. */
  label: (weekStart: string) => string;
  /** Index of the week under the pointer, or null when it leaves. */
  onhover?: (index: number | null) => void;
}

const HEIGHT = 190;

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

/** uPlot has no stacking: each series is drawn as the running total, tallest first, so the lower parts show on top. */
export function stackedData(weeks: readonly WeekStats[]): uPlot.AlignedData {
  const xs = weeks.map((_, i) => i);
  const sums: number[][] = [];
  let running = weeks.map(() => 0);
  for (const key of STACK) {
    running = running.map((v, i) => v + weeks[i]![key]);
    sums.push(running);
  }
  return [xs, ...sums.reverse()];
}

function options(p: WeekChartParams, width: number): uPlot.Options {
  const text = cssVar('--muted');
  const grid = cssVar('--grid');
  const font = `12px ${getComputedStyle(document.body).fontFamily}`;
  const bars = uPlot.paths.bars!({ size: [0.62, 44], radius: 0.15 });
  const series: uPlot.Series[] = [...STACK].reverse().map((key) => {
    const color = cssVar(`--chart-${key}`);
    return { label: key, fill: color, stroke: color, width: 0, paths: bars, points: { show: false } };
  });
  return {
    width,
    height: HEIGHT,
    padding: [12, 8, 0, 0],
    legend: { show: false },
    cursor: {
      points: { show: false },
      drag: { x: false, y: false, setScale: false },
      x: false,
      y: false,
    },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: {
      x: { time: false, range: (_u, min, max) => [min - 0.6, max + 0.6] },
      y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.1))] },
    },
    axes: [
      {
        stroke: text,
        font,
        grid: { show: false },
        ticks: { show: false },
        size: 26,
        gap: 6,
        splits: () => p.weeks.map((_, i) => i),
        // Every other label when space is short, always ending with this week.
        values: (_u, splits) => {
          const every = width / Math.max(1, p.weeks.length) < 56 ? 2 : 1;
          return splits.map((i) => ((p.weeks.length - 1 - i) % every === 0 ? p.label(p.weeks[i]?.weekStart ?? '') : ''));
        },
      },
      { stroke: text, font, size: 40, gap: 6, grid: { stroke: grid, width: 1 }, ticks: { show: false } },
    ],
    series: [{}, ...series],
    hooks: {
      setCursor: [
        (u) => {
          const idx = u.cursor.idx;
          p.onhover?.(idx === null || idx === undefined ? null : idx);
        },
      ],
    },
  };
}

export function weekChart(node: HTMLElement, params: WeekChartParams) {
  let p = params;
  let plot: uPlot | null = null;
  const build = () => {
    plot?.destroy();
    plot = new uPlot(options(p, Math.max(240, node.clientWidth)), stackedData(p.weeks), node);
  };
  build();
  // Resize in place; rebuild on a theme change, as canvas colours are read once from the CSS variables.
  const resize = new ResizeObserver(() => plot?.setSize({ width: Math.max(240, node.clientWidth), height: HEIGHT }));
  resize.observe(node);
  const scheme = matchMedia('(prefers-color-scheme: dark)');
  scheme.addEventListener('change', build);
  return {
    update(next: WeekChartParams) {
      p = next;
      build();
    },
    destroy() {
      resize.disconnect();
      scheme.removeEventListener('change', build);
      plot?.destroy();
    },
  };
}
