/* The annual-report dashboard's charts, drawn with the vendored ECharts.
 * Data come from the data-chart attribute of #charts (no inline script:
 * the site runs under a strict CSP). */
(function () {
  "use strict";
  var holder = document.getElementById("charts");
  if (!holder || typeof echarts === "undefined") {
    return;
  }
  var data = JSON.parse(holder.getAttribute("data-chart"));
  var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var colours = {
    not_started: "#9e9e9e", draft: "#f0b400", in_review: "#1a73e8",
    published: "#1b5e20", published_late: "#e65100", late: "#b00020"
  };
  var charts = [];

  function draw(id, option) {
    var element = document.getElementById(id);
    if (!element) {
      return;
    }
    var chart = echarts.init(element, null, { renderer: "svg", locale: "ZH" });
    option.animation = !still;
    chart.setOption(option);
    charts.push(chart);
  }

  draw("chart-status", {
    tooltip: { trigger: "item", formatter: "{b}：{c}（{d}%）" },
    legend: { bottom: 0 },
    series: [{
      type: "pie",
      radius: ["35%", "65%"],
      center: ["50%", "42%"],
      label: { position: "inside", formatter: "{c}", color: "#fff" },
      data: data.status.filter(function (s) { return s.value > 0; }).map(function (s) {
        return { name: s.name, value: s.value, itemStyle: { color: colours[s.key] } };
      })
    }]
  });

  draw("chart-applications", {
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 48, right: 16, bottom: 80, top: 36 },
    xAxis: { type: "category", data: data.agencies, axisLabel: { rotate: 40, interval: 0 } },
    yAxis: { type: "value", minInterval: 1 },
    series: data.series.map(function (s) {
      return { name: s.name, type: "bar", data: s.data };
    })
  });

  window.addEventListener("resize", function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
