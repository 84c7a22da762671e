// A chart drawn by ECharts (DESIGN.md: the decided chart library), used directly: the instance is
// made once per element, given each new option whole, resized with its box and disposed on unmount.
// Only the chart types and components registered here go into the bundle ('echarts/core'); a page
// that needs another registers it here. No animation under automation (navigator.webdriver), so a
// browser test's screenshot shows the finished chart (DESIGN.md: no animation in screenshots).
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The options a chart of this app may use: bars and lines on a grid, with legend and tooltip. */
export type ChartOption = echarts.ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** True in a browser driven by automation (the browser tests): charts then draw without animation. */
const automated = typeof navigator !== 'undefined' && navigator.webdriver;

export interface EChartProps {
  option: ChartOption;
  /** Height in pixels; the width follows the container. */
  height?: number;
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  label: string;
  'data-testid'?: string;
}

/** One ECharts chart in a div of the given height. */
export function EChart({ option, height = 320, label, 'data-testid': testId }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = box.current!;
    const instance = echarts.init(el, undefined, { renderer: 'canvas', locale: 'ZH' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: the option is the whole chart, so a series gone from it goes from the picture.
    chart.current?.setOption({ animation: !automated, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={box} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
