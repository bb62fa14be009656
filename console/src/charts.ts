// ECharts through echarts/core with only the charts and components used (the size check keeps it honest).
import * as echarts from 'echarts/core';
import { BarChart, LineChart, HeatmapChart, FunnelChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, HeatmapChart, FunnelChart, GridComponent, TooltipComponent, LegendComponent,
  VisualMapComponent, TitleComponent, CanvasRenderer]);

const live: echarts.ECharts[] = [];
/** Charts are drawn without animation when the page says so (tests, benchmarks): ready at once. */
const animate = !new URLSearchParams(location.search).has('noanim');

/** Draws a chart into a new box; resolves when ECharts reports it finished rendering. */
export function chart(testId: string, option: echarts.EChartsCoreOption, height = 280): { el: HTMLElement; done: Promise<void> } {
  const el = document.createElement('div');
  el.className = 'chart';
  el.setAttribute('data-testid', testId);
  el.style.height = `${height}px`;
  let resolve!: () => void;
  const done = new Promise<void>((r) => { resolve = r; });
  requestAnimationFrame(() => {
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    live.push(c);
    c.on('finished', () => { el.setAttribute('data-rendered', 'true'); resolve(); });
    c.setOption({ animation: animate, animationDuration: 300, animationDurationUpdate: 300, tooltip: { renderMode: 'richText' }, ...option });
  });
  return { el, done };
}

/** Frees the charts of the view being left. */
export function disposeCharts(): void {
  while (live.length) live.pop()!.dispose();
}

window.addEventListener('resize', () => live.forEach((c) => c.resize()));
