// Small progressive enhancements; every page works without them.
(function () {
  "use strict";

  var SUBSCALES = { task: [1, 2, 10, 12], bond: [3, 5, 7, 9], goal: [4, 6, 8, 11] };
  var locale = document.documentElement.lang || "en";

  function format(value) {
    return value.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  // Live WAI-SR subscale means and total, shown once all items of a subscale are filled in.
  function updateWai(fieldset) {
    var values = {};
    fieldset.querySelectorAll("input.wai-item").forEach(function (input) {
      var item = parseInt(input.name.split("_").pop(), 10);
      var value = parseInt(input.value, 10);
      if (value >= 1 && value <= 5) { values[item] = value; }
    });
    var total = 0, complete = 0;
    Object.keys(SUBSCALES).forEach(function (name) {
      var items = SUBSCALES[name], sum = 0, ok = true;
      items.forEach(function (i) { if (values[i] === undefined) { ok = false; } else { sum += values[i]; } });
      var out = fieldset.querySelector('[data-wai-score="' + name + '"]');
      if (out) { out.textContent = ok ? format(sum / items.length) : "—"; }
      if (ok) { total += sum; complete += 1; }
    });
    var totalOut = fieldset.querySelector('[data-wai-score="total"]');
    if (totalOut) { totalOut.textContent = complete === 3 ? String(total) : "—"; }
  }

  // A character counter that appears as a note nears its limit.
  function updateCounter(box) {
    var area = box.querySelector("textarea");
    var out = box.querySelector("[data-counter-output]");
    if (!area || !out) { return; }
    var max = parseInt(area.getAttribute("maxlength"), 10);
    var used = area.value.length;
    if (!max || used < max * 0.8) { out.hidden = true; return; }
    out.hidden = false;
    out.textContent = used.toLocaleString(locale) + " / " + max.toLocaleString(locale);
    out.classList.toggle("warn", used >= max * 0.95);
  }

  function enhance(root) {
    root.querySelectorAll("[data-wai]").forEach(updateWai);
    root.querySelectorAll("[data-counter]").forEach(updateCounter);
  }

  document.addEventListener("input", function (event) {
    var wai = event.target.closest("[data-wai]");
    if (wai) { updateWai(wai); }
    var counter = event.target.closest("[data-counter]");
    if (counter) { updateCounter(counter); }
  });

  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:afterSettle", function (event) { enhance(event.target); });

  // After a session is saved, the fresh form is ready: put the focus on its status message.
  document.addEventListener("alliance:session-saved", function () {
    var status = document.querySelector("#session-logger [role=status]");
    if (status) { status.setAttribute("tabindex", "-1"); status.focus(); }
  });
})();

// The empathy-sentence composer: a live preview of "I / emotion / reflection / confirmation".
(function () {
  "use strict";
  function compose(form) {
    var fr = (form.getAttribute("data-language") || "").indexOf("fr") === 0;
    var get = function (part) {
      var field = form.querySelector('[data-empathy="' + part + '"]');
      return field ? field.value.trim() : "";
    };
    var emotion = get("emotion"), reflection = get("reflection"), confirmation = get("confirmation");
    var parts = [];
    if (emotion) { parts.push((fr ? "Je me sens " : "I feel ") + emotion); }
    if (reflection) { parts.push(reflection); }
    var sentence = parts.join(fr ? " ; " : "; ").replace(/\.+$/, "");
    if (sentence && confirmation) { sentence += ". " + confirmation; }
    else if (confirmation) { sentence = confirmation; }
    var out = form.querySelector("[data-empathy-preview]");
    if (out) { out.textContent = sentence; }
  }
  document.addEventListener("input", function (event) {
    var form = event.target.closest("[data-empathy-composer]");
    if (form) { compose(form); }
  });
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-empathy-composer]").forEach(compose);
  });

  // Adding a missed marker: the words selected in the note become its evidence.
  function selectedInNote() {
    var source = document.querySelector("[data-evidence-source]");
    var selection = window.getSelection();
    if (!source || !selection || selection.isCollapsed) { return ""; }
    var range = selection.getRangeAt(0);
    if (!source.contains(range.commonAncestorContainer)) { return ""; }
    return selection.toString().trim();
  }
  document.addEventListener("DOMContentLoaded", function () {
    var target = document.querySelector("[data-evidence-target]");
    if (!target) { return; }
    // The latest selection in the note always wins (a triple click selects a paragraph).
    document.addEventListener("selectionchange", function () {
      var words = selectedInNote();
      if (words) { target.value = words; }
    });
  });
})();
