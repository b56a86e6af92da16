// Shows "swipe to see every column" above a table only when it is wider than its box,
// and keeps that right when the window (or the phone) turns.
(function () {
  "use strict";
  function update() {
    document.querySelectorAll("[data-scroll-hint]").forEach(function (wrap) {
      var hint = document.getElementById(wrap.getAttribute("data-scroll-hint"));
      var overflowing = wrap.scrollWidth > wrap.clientWidth + 1;
      wrap.classList.toggle("dx-overflowing", overflowing);
      if (hint) { hint.hidden = !overflowing; }
    });
  }
  document.addEventListener("DOMContentLoaded", update);
  window.addEventListener("resize", update);
})();
