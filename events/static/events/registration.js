// The registration form of a cached event page: the page is shared by every visitor, so it
// carries no CSRF token, start token or submission key. Fetch this visitor's own (never
// cached; the response also sets the CSRF cookie), fill them in and show the form.
// Without JavaScript, or when the fetch fails, the link to the registration page stays.
(function () {
  "use strict";
  var form = document.querySelector("form#registration-form[data-tokens-url]");
  if (!form || !window.fetch) return;
  var fallback = document.getElementById("registration-fallback");
  var names = ["csrfmiddlewaretoken", "started", "submission_key"];

  fetch(form.getAttribute("data-tokens-url"), {
    credentials: "same-origin",
    cache: "no-store",
    headers: { Accept: "application/json" },
  })
    .then(function (response) {
      if (!response.ok) throw new Error("tokens: HTTP " + response.status);
      return response.json();
    })
    .then(function (tokens) {
      if (!tokens.open) return; // registration closed since the page was cached: the link explains
      names.forEach(function (name) {
        var input = form.querySelector('input[name="' + name + '"]');
        if (input) input.value = tokens[name];
      });
      form.hidden = false;
      if (fallback) fallback.hidden = true;
    })
    .catch(function () {
      /* keep the link to the registration page */
    });
})();
