// Saves the current step's answers as soon as one changes, so a closed tab loses nothing.
// Without JavaScript the buttons still save on every step.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch) return;
  var status = form.querySelector(".dbi-autosave");
  var timer = null;
  function save() {
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
        if (status) status.textContent = form.dataset.savedText || status.dataset.saved || "";
      })
      .catch(function () {
        if (status) status.textContent = status.dataset.failed || "";
      });
  }
  form.addEventListener("change", function () {
    clearTimeout(timer);
    timer = setTimeout(save, 300);
  });
})();
