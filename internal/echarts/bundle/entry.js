// The ECharts that congkhai builds into the program and portals serve:
// only the chart types, components and renderer internal/chart uses
// (see its option.go), from the npm package pinned in package-lock.json.
// A chart type or component added there must be added here too; the
// browser tests draw every chart of the example portal with this file.
import { init, use, version } from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from "echarts/components";
import { LabelLayout } from "echarts/features";
import { SVGRenderer } from "echarts/renderers";

use([
  BarChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  LabelLayout,
  SVGRenderer,
]);

// assets/js/charts.js finds it where the npm builds put it. Only what it
// calls is exported: the whole namespace of echarts/core would keep every
// module it names in the bundle.
window.echarts = { init, version };
