// Saves the current step's answers as soon as one changes, so a closed tab loses nothing.
// Without JavaScript the buttons still save on every step. "Saved" is shown only once the
// save of the latest change has answered, never while a later change is still waiting.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch) return;
  var status = form.querySelector(".dbi-autosave");
  var timer = null;
  var latest = 0;
  function show(text) {
    if (status) status.textContent = text || "";
  }
  function save(change) {
    var data = new FormData(form);
    data.set("action", "save");
    fetch(form.dataset.autosave, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Autosave": "1" },
    })
      .then(function (r) {
        if (!r.ok) throw new Error(r.status);
        if (change === latest) show(form.dataset.savedText || (status && status.dataset.saved));
      })
      .catch(function () {
        show(status && status.dataset.failed);
      });
  }
  form.addEventListener("change", function () {
    latest += 1;
    var change = latest;
    show("");
    clearTimeout(timer);
    timer = setTimeout(function () {
      save(change);
    }, 300);
  });
})();
