(function () {
  "use strict";
  var form = document.getElementById("filters");
  var shown = document.getElementById("shown");
  function apply() {
    var wanted = {};
    var narrowed = false;
    form.querySelectorAll("input[name=severity]").forEach(function (box) {
      wanted[box.value] = box.checked;
      narrowed = narrowed || !box.checked;
    });
    var code = form.querySelector("select[name=code]").value;
    narrowed = narrowed || code !== "";
    var visible = 0;
    document.querySelectorAll(".note").forEach(function (note) {
      note.hidden = !(wanted[note.dataset.severity] && (code === "" || note.dataset.code === code));
      if (!note.hidden) { visible += 1; }
    });
    document.querySelectorAll(".row > .notes").forEach(function (notes) {
      notes.parentElement.classList.toggle("flagged", notes.querySelector(".note:not([hidden])") !== null);
    });
    document.querySelectorAll("mark[data-findings]").forEach(function (mark) {
      var on = mark.dataset.findings.split(" ").some(function (id) {
        return !document.getElementById(id).hidden;
      });
      mark.classList.toggle("off", !on);
    });
    document.querySelectorAll("section.file").forEach(function (section) {
      var empty = narrowed && section.querySelector(".note:not([hidden])") === null;
      section.hidden = empty;
      var row = document.querySelector("tr[data-file='" + section.id + "']");
      if (row) { row.hidden = empty; }
    });
    shown.textContent = String(visible);
  }
  function reveal() {  // a "why?" link opens the rule's explanation it points to
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.tagName === "DETAILS") { target.open = true; }
  }
  form.addEventListener("change", apply);
  window.addEventListener("hashchange", reveal);
  apply();
  reveal();
})();
