(function () {
  "use strict";
  document.documentElement.setAttribute("data-ready", "1");
  function card(file, index) { return document.getElementById("f-" + file + "-" + index); }
  function flash(el) {
    el.classList.add("flash");
    setTimeout(function () { el.classList.remove("flash"); }, 1200);
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.hl") : null;
    if (!link) { return; }
    event.preventDefault();
    var cards = link.getAttribute("data-findings").split(" ").map(function (i) {
      return card(link.getAttribute("data-file"), i);
    }).filter(Boolean);
    var open = !cards.every(function (c) { return c.open; });
    cards.forEach(function (c) { c.open = open; if (open) { flash(c); } });
    if (open && cards.length) { cards[0].scrollIntoView({block: "nearest"}); }
  });
  function all(open) {
    document.querySelectorAll("details.finding").forEach(function (d) { d.open = open; });
  }
  document.getElementById("expand-all").addEventListener("click", function () { all(true); });
  document.getElementById("collapse-all").addEventListener("click", function () { all(false); });
  if (location.hash.length > 1) {
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.tagName === "DETAILS") { target.open = true; }
  }
})();
