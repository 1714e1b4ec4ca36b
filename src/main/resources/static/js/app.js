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
  // ---- issue 12, part C: copy buttons of the task page (a phone number, an e-mail address, a script's words) ----
  // A button with data-copy="text" copies the text: navigator.clipboard where the page may use it, else a hidden
  // textarea and document.execCommand("copy"). The button says data-copied ("已复制") for a moment.
  function copyWithTextarea(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "copy-buffer";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(area);
    return ok;
  }

  function showCopied(button, ok) {
    var label = button.getAttribute("data-label") || button.textContent;
    button.setAttribute("data-label", label);
    button.textContent = ok ? (button.getAttribute("data-copied") || label) : label;
    button.classList.toggle("copied", ok);
    window.setTimeout(function () {
      button.textContent = label;
      button.classList.remove("copied");
    }, 1500);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-copy]");
    if (!button) {
      return;
    }
    event.preventDefault();
    var text = button.getAttribute("data-copy") || "";
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () {
        showCopied(button, true);
      }, function () {
        showCopied(button, copyWithTextarea(text));
      });
    } else {
      showCopied(button, copyWithTextarea(text));
    }
  });
})();

// issue 12, items 10–12 (part E): bulk selection on the customer list and the worklist, and the confirmation of
// a bulk action's button.
(function () {
  "use strict";

  // A "select all on page" checkbox (data-select-all="NAME") ticks every checkbox named NAME on the page.
  document.addEventListener("change", function (event) {
    var all = event.target;
    var name = all.getAttribute && all.getAttribute("data-select-all");
    if (!name) {
      return;
    }
    document.querySelectorAll("input[type=checkbox][name='" + name + "']").forEach(function (box) {
      box.checked = all.checked;
    });
  });

  // A submit button with data-bulk-confirm asks first, naming how many rows are selected.
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    var question = button && button.getAttribute && button.getAttribute("data-bulk-confirm");
    if (!question) {
      return;
    }
    var form = event.target;
    var count = form.id ? document.querySelectorAll("input[type=checkbox][form='" + form.id + "']:checked:not([data-select-all])").length : 0;
    if (!window.confirm(question.replace("{0}", String(count)))) {
      event.preventDefault();
    }
  }, true);
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
