// congkhai: draws every chart of the page with ECharts, served by the site
// itself. Each chart's option sits in <script type="application/json"
// data-chart="ID"> beside <div id="ID">; nothing here is inline, so a strict
// Content-Security-Policy (script-src 'self') works. Without JavaScript the
// figure still shows its description and its data table.
(function () {
  "use strict";
  if (!window.echarts || !document.querySelectorAll) {
    return;
  }
  // Vietnamese number formatting: 1.840 and 95,5 (ECharts would write
  // 1,840, which a Vietnamese reader takes for 1.84).
  var number = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
  function format(v) {
    return typeof v === "number" ? number.format(v) : v;
  }
  function axes(list, unit) {
    (Array.isArray(list) ? list : list ? [list] : []).forEach(function (axis) {
      if (axis.type !== "value") {
        return;
      }
      axis.axisLabel = axis.axisLabel || {};
      var suffix = axis.name && /%/.test(axis.name) ? "%" : "";
      axis.axisLabel.formatter = function (v) {
        return format(v) + suffix;
      };
    });
  }
  var charts = [];
  document.querySelectorAll('script[type="application/json"][data-chart]').forEach(function (script) {
    var el = document.getElementById(script.getAttribute("data-chart"));
    if (!el) {
      return;
    }
    var option;
    try {
      option = JSON.parse(script.textContent);
    } catch (e) {
      return; // the table below still holds the figures
    }
    option.tooltip = option.tooltip || {};
    option.tooltip.valueFormatter = format;
    axes(option.xAxis);
    axes(option.yAxis);
    // The height comes as data, not as a style attribute, so that a
    // Content-Security-Policy without 'unsafe-inline' styles works.
    el.style.height = el.getAttribute("data-height") || "420px";
    el.hidden = false;
    var chart = window.echarts.init(el, null, { renderer: el.getAttribute("data-renderer") || "svg" });
    chart.setOption(option);
    charts.push(chart);
  });
  var pending = 0;
  window.addEventListener("resize", function () {
    window.cancelAnimationFrame(pending);
    pending = window.requestAnimationFrame(function () {
      charts.forEach(function (c) {
        c.resize();
      });
    });
  });
})();
