// The dashboard's charts (Chart.js from the WebJar). Each chart is drawn from the table under it:
// a bar chart from rows with data-label, data-value and data-href (clicking a bar opens data-href),
// the trend line chart from rows with data-label and data-values ("a|b|c", empty = no value).
// The charts are kept on window.huikuanCharts by canvas id for tests and the console.
(function () {
  "use strict";

  var BAR_COLORS = ["#2f8f83", "#e0a526", "#e07b26", "#d2553b", "#b8423a", "#9e2b2b", "#6e1f1f"];
  var LINE_COLORS = ["#1f6fb2", "#2f8f83", "#d2553b", "#8a5cc2", "#e0a526"];

  function rows(canvas) {
    var table = document.getElementById(canvas.getAttribute("data-source"));
    return table ? Array.prototype.slice.call(table.querySelectorAll("tbody tr")) : [];
  }

  function money(v) {
    return Number(v).toLocaleString(undefined, { minimumFractionDigits: 0, maximumFractionDigits: 2 });
  }

  function barChart(canvas) {
    var trs = rows(canvas);
    var hrefs = trs.map(function (tr) { return tr.getAttribute("data-href") || ""; });
    return new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: trs.map(function (tr) { return tr.getAttribute("data-label"); }),
        datasets: [{
          data: trs.map(function (tr) { return Number(tr.getAttribute("data-value")); }),
          backgroundColor: trs.map(function (tr, i) { return BAR_COLORS[i % BAR_COLORS.length]; }),
          borderRadius: 4
        }]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: function (c) { return money(c.raw); } } } },
        scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return money(v); } } } },
        onHover: function (event, elements) {
          event.native.target.style.cursor = elements.length && hrefs[elements[0].index] ? "pointer" : "default";
        },
        onClick: function (event, elements) {
          if (elements.length && hrefs[elements[0].index]) {
            window.location.href = hrefs[elements[0].index];
          }
        }
      }
    });
  }

  function lineChart(canvas) {
    var trs = rows(canvas);
    var names = (canvas.getAttribute("data-series-labels") || "").split("|");
    var series = trs.map(function (tr) { return (tr.getAttribute("data-values") || "").split("|"); });
    var datasets = names.map(function (name, s) {
      var percent = s === names.length - 1;
      return {
        label: name,
        data: series.map(function (v) { return v[s] === undefined || v[s] === "" ? null : Number(v[s]); }),
        borderColor: LINE_COLORS[s % LINE_COLORS.length],
        backgroundColor: LINE_COLORS[s % LINE_COLORS.length],
        borderDash: percent ? [6, 4] : [],
        spanGaps: false,
        tension: 0.2,
        yAxisID: percent ? "percent" : "days"
      };
    });
    return new window.Chart(canvas, {
      type: "line",
      data: { labels: trs.map(function (tr) { return tr.getAttribute("data-label"); }), datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "index", intersect: false },
        scales: {
          days: { type: "linear", position: "left", beginAtZero: true },
          percent: { type: "linear", position: "right", beginAtZero: true, grid: { drawOnChartArea: false },
            ticks: { callback: function (v) { return v + "%"; } } }
        }
      }
    });
  }

  // draws the charts under root (the page, or a panel htmx has just put in)
  function draw(root) {
    if (typeof window.Chart === "undefined") {
      return;
    }
    var charts = window.huikuanCharts || {};
    (root && root.querySelectorAll ? root : document).querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      if (!charts[canvas.id] || charts[canvas.id].canvas !== canvas) {
        charts[canvas.id] = canvas.getAttribute("data-chart") === "line" ? lineChart(canvas) : barChart(canvas);
      }
    });
    window.huikuanCharts = charts;
  }

  window.addEventListener("load", function () { draw(document); });
  document.addEventListener("htmx:afterSettle", function (e) { draw(e.target); });
})();
