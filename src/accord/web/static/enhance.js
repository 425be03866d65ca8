// accord: small enhancements. Every page works without this script.
"use strict";
document.documentElement.classList.add("js");

// The bars of a row take one tab stop; the arrow keys move from day to day.
function roving(list) {
  const bars = Array.from(list.querySelectorAll(".bar"));
  bars.forEach((bar, i) => { bar.tabIndex = i === bars.length - 1 ? 0 : -1; });
  list.addEventListener("keydown", (event) => {
    const i = bars.indexOf(document.activeElement);
    if (i < 0) return;
    const moves = { ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: bars.length - 1 };
    if (!(event.key in moves)) return;
    const next = bars[Math.max(0, Math.min(bars.length - 1, moves[event.key]))];
    event.preventDefault();
    bars[i].tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  });
}

// Times in the reader's own zone, on request (a static page cannot ask the server).
function localTimes(button) {
  button.addEventListener("click", () => {
    const format = new Intl.DateTimeFormat(undefined, {
      weekday: "short", day: "numeric", month: "short", year: "numeric",
      hour: "2-digit", minute: "2-digit", timeZoneName: "short",
    });
    document.querySelectorAll("time[datetime]").forEach((t) => {
      if (t.dataset.shown) return;
      const mine = document.createElement("span");
      mine.className = "reader";
      mine.textContent = " (" + format.format(new Date(t.getAttribute("datetime"))) + ")";
      t.after(mine);
      t.dataset.shown = "1";
    });
    button.disabled = true;
    button.textContent = "Times in your zone are shown in brackets";
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("ol.bars").forEach(roving);
  document.querySelectorAll("[data-local-times]").forEach(localTimes);
});
