// Small behaviours of the server-rendered pages; everything works without them.
(function () {
  "use strict";

  // Forms with data-confirm ask before they submit (deleting a contact, taking back an allocation).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);

  // Typing an amount against an invoice switches the payment form to manual allocation.
  document.addEventListener("input", function (event) {
    if (event.target.classList && event.target.classList.contains("alloc-amount")) {
      var manual = document.getElementById("allocation-manual");
      if (manual) {
        manual.checked = true;
      }
    }
  });

  // The template editor's variable buttons insert their placeholder at the cursor in the body and
  // refresh the preview (the body's keyup triggers it through htmx).
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".tpl-vars [data-insert]");
    var area = document.getElementById("tpl-body");
    if (!button || !area) {
      return;
    }
    var text = button.getAttribute("data-insert");
    var s = area.selectionStart, e = area.selectionEnd;
    area.value = area.value.substring(0, s) + text + area.value.substring(e);
    area.selectionStart = area.selectionEnd = s + text.length;
    area.focus();
    area.dispatchEvent(new KeyboardEvent("keyup"));
  });

  // The overview's open-amount-by-age bar chart (Chart.js from the WebJar).
  function drawCharts() {
    var canvas = document.getElementById("aging-chart");
    if (!canvas || typeof window.Chart === "undefined") {
      return;
    }
    var labels = (canvas.getAttribute("data-labels") || "").split("|");
    var values = (canvas.getAttribute("data-values") || "").split("|").map(Number);
    var colors = ["#2f8f83", "#e0a526", "#e07b26", "#d2553b", "#9e2b2b"];
    new window.Chart(canvas, {
      type: "bar",
      data: { labels: labels, datasets: [{ data: values, backgroundColor: colors, borderRadius: 4 }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return Number(v).toLocaleString(); } } } }
      }
    });
  }

  window.addEventListener("load", drawCharts);
})();

// issue 12 — navigation: the header's menus are <details> (they open and close without script, by mouse
// and keyboard); this only adds what <details> lacks: one menu open at a time, closing on a click outside
// or on Escape, and the narrow screen's menu button that shows the menus, the search and the user box.
(function () {
  "use strict";

  function menus() {
    return Array.prototype.slice.call(document.querySelectorAll(".mainnav details.navmenu"));
  }

  document.addEventListener("toggle", function (event) {
    var opened = event.target;
    if (!opened.matches || !opened.matches("details.navmenu") || !opened.open) {
      return;
    }
    menus().forEach(function (d) {
      if (d !== opened && d.open && !document.getElementById("topbar").classList.contains("nav-open")) {
        d.open = false;
      }
    });
  }, true);

  document.addEventListener("click", function (event) {
    var toggle = event.target.closest && event.target.closest("#menu-toggle");
    var bar = document.getElementById("topbar");
    if (toggle && bar) {
      var open = bar.classList.toggle("nav-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      return;
    }
    if (!event.target.closest || !event.target.closest(".mainnav details.navmenu")) {
      if (!bar || !bar.classList.contains("nav-open")) {
        menus().forEach(function (d) { d.open = false; });
      }
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var open = menus().filter(function (d) { return d.open; });
    open.forEach(function (d) { d.open = false; });
    if (open.length) {
      var summary = open[0].querySelector("summary");
      if (summary) {
        summary.focus();
      }
    }
    var bar = document.getElementById("topbar");
    if (bar && bar.classList.contains("nav-open")) {
      bar.classList.remove("nav-open");
      var toggle = document.getElementById("menu-toggle");
      if (toggle) {
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
      }
    }
  });
})();
