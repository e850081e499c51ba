// congkhai: draws every chart of the page with ECharts, served by the site
// itself. Each chart's option sits in <script type="application/json"
// data-chart="ID"> beside <div id="ID">; nothing here is inline, so a strict
// Content-Security-Policy (script-src 'self') works. Without JavaScript the
// figure still shows its description and its data table.
//
// The page is complete before any chart is drawn: ECharts (the address in
// this script's data-echarts) is fetched only when the first chart comes
// near the screen, and each chart is drawn when it does, so that a phone
// on a slow network reads the figures and tables first.
(function () {
  "use strict";
  var me = document.currentScript;
  var src = me && me.getAttribute("data-echarts");
  if (!src || !document.querySelectorAll) {
    return;
  }
  // Numbers the way of the page's language: 1.840 and 95,5 on a
  // Vietnamese page (ECharts would write 1,840, which a Vietnamese reader
  // takes for 1.84), 1,840 and 95.5 on an English one.
  var lang = document.documentElement.lang || "vi";
  var number = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : lang, { maximumFractionDigits: 2 });
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
  function el(name, className, text) {
    var node = document.createElement(name);
    node.className = className;
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }
  // tooltip writes the tooltip of an axis as elements, the colour of each
  // marker set through the DOM: ECharts' own tooltip is HTML text with
  // style attributes, which a Content-Security-Policy without
  // 'unsafe-inline' styles refuses. Texts go in as text, never as HTML.
  function tooltip(params) {
    var list = Array.isArray(params) ? params : [params];
    var box = el("div", "chart-tip");
    if (list.length > 0 && list[0].axisValueLabel !== undefined) {
      box.appendChild(el("p", "chart-tip-head", list[0].axisValueLabel));
    }
    list.forEach(function (p) {
      var row = el("p", "chart-tip-row");
      var mark = el("span", "chart-tip-mark");
      if (typeof p.color === "string") {
        mark.style.backgroundColor = p.color;
      }
      var v = p.value;
      var missing = v === null || v === undefined || v === "-" || (typeof v === "number" && isNaN(v));
      row.appendChild(mark);
      row.appendChild(el("span", "chart-tip-name", p.seriesName));
      row.appendChild(el("span", "chart-tip-value", missing ? "–" : format(v)));
      box.appendChild(row);
    });
    return box;
  }
  var charts = [];
  // draw draws the chart whose option is in script.
  function draw(script) {
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
    option.tooltip.formatter = tooltip;
    axes(option.xAxis);
    axes(option.yAxis);
    // The height comes as data, not as a style attribute, so that a
    // Content-Security-Policy without 'unsafe-inline' styles works.
    el.style.height = el.getAttribute("data-height") || "420px";
    el.hidden = false;
    var chart = window.echarts.init(el, null, { renderer: el.getAttribute("data-renderer") || "svg" });
    chart.setOption(option);
    charts.push(chart);
  }
  // Charts waiting for ECharts, and whether it is being fetched.
  var waiting = [];
  var loading = false;
  function whenLoaded(script) {
    if (window.echarts) {
      draw(script);
      return;
    }
    waiting.push(script);
    if (loading) {
      return;
    }
    loading = true;
    var s = document.createElement("script");
    s.src = src;
    s.onload = function () {
      var queue = waiting;
      waiting = [];
      if (window.echarts) {
        queue.forEach(draw);
      }
    };
    document.head.appendChild(s);
  }
  var scripts = document.querySelectorAll('script[type="application/json"][data-chart]');
  if (!window.IntersectionObserver) {
    scripts.forEach(whenLoaded);
  } else {
    var byFigure = new Map();
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (e.isIntersecting) {
          seen.unobserve(e.target);
          whenLoaded(byFigure.get(e.target));
        }
      });
    }, { rootMargin: "200px 0px" });
    scripts.forEach(function (script) {
      var figure = script.closest("figure") || script.parentNode;
      byFigure.set(figure, script);
      seen.observe(figure);
    });
  }
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
