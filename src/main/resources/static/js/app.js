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

// ---- issue 12 (part G): confirmation on a button ----
// A submit button with data-confirm asks before its form is sent, so one form can hold a harmless
// button (preview) and a consequential one (issue the letter, send the message) that asks first.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    var question = button && button.getAttribute && button.getAttribute("data-confirm");
    if (question && !event.defaultPrevented && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);
})();

// ---- issue 12 (part G): the strategy step's template choice follows its channel ----
// Each template option names the step channels it fits (data-channels); changing a row's channel
// hides the templates of other channels and clears a choice that no longer fits.
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var select = event.target;
    if (!select.name || !/^steps\[\d+]\.channel$/.test(select.name)) {
      return;
    }
    var row = select.closest("tr");
    var templates = row && row.querySelector("select.step-template");
    if (!templates) {
      return;
    }
    var channel = select.value;
    Array.prototype.forEach.call(templates.options, function (option) {
      var fits = option.getAttribute("data-channels");
      if (fits === null) {
        return;
      }
      var shown = !channel || fits.split(",").indexOf(channel) >= 0;
      option.hidden = !shown;
      if (!shown && option.selected) {
        templates.value = "";
      }
    });
  });
})();
