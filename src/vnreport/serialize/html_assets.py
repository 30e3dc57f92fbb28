"""The style sheet and the script of the HTML view, inlined into the page (it works offline and
loads nothing: the page's Content-Security-Policy forbids any other source).

The fonts are a stack of faces drawn for Vietnamese (stacked diacritics: "ệ", "ở", "ữ"), with
the common system faces that carry them after; the line height leaves room for those marks.
"""

from __future__ import annotations

CSS = """
:root {
  --ink: #1d232b; --muted: #5b6573; --paper: #fbfaf7; --card: #ffffff; --line: #e2ded5;
  --accent: #8c1d18; --link: #1f4e8c; --ok: #1e7b45; --ok-bg: #e3f4e8; --no: #a4361b; --no-bg: #fbe7df;
  --claim: #fff6d6; --flash: #ffe28a;
  --serif: "Noto Serif", "Source Serif 4", "Source Serif Pro", "Merriweather", "Times New Roman",
           "Liberation Serif", "DejaVu Serif", serif;
  --sans: "Be Vietnam Pro", "Noto Sans", "Segoe UI", "Roboto", "Helvetica Neue", Arial,
          "Liberation Sans", "DejaVu Sans", sans-serif;
}
* { box-sizing: border-box; }
html { scroll-behavior: smooth; scroll-padding-top: 1rem; }
body { margin: 0; background: var(--paper); color: var(--ink); font-family: var(--serif);
       font-size: 17px; line-height: 1.75; text-rendering: optimizeLegibility; }
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
.layout { display: grid; grid-template-columns: minmax(15rem, 21rem) minmax(0, 1fr); min-height: 100vh; }
nav.outline { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow-y: auto;
              padding: 1.25rem 1rem 2rem 1.25rem; border-right: 1px solid var(--line); background: #f4f2ec;
              font-family: var(--sans); font-size: 13.5px; line-height: 1.45; }
nav.outline h2 { font-size: 12px; letter-spacing: .08em; text-transform: uppercase; color: var(--muted);
                 margin: 0 0 .5rem; }
nav.outline ol { list-style: none; margin: 0; padding-left: .8rem; }
nav.outline > ol { padding-left: 0; }
nav.outline li { margin: .18rem 0; }
nav.outline a { color: var(--ink); display: block; padding: .1rem .35rem; border-radius: 4px; }
nav.outline a:hover, nav.outline a.current { background: #e6e1d6; text-decoration: none; }
nav.outline .m { color: var(--accent); font-weight: 600; margin-right: .25em; }
nav.outline .extra { margin-top: 1rem; padding-top: .75rem; border-top: 1px solid var(--line); }
main { padding: 2rem 3rem 6rem; max-width: 54rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 1.4rem 1.6rem;
        margin-bottom: 2rem; box-shadow: 0 1px 3px rgba(0,0,0,.05); font-family: var(--sans); }
.card h1 { font-family: var(--serif); font-size: 1.22rem; line-height: 1.5; margin: 0 0 1rem; color: var(--accent); }
.card dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0; font-size: 14.5px; }
.card dt { color: var(--muted); }
.card dd { margin: 0; }
.card .counts { margin: 1rem 0 0; font-size: 13.5px; color: var(--muted); }
.card .counts b { color: var(--ink); }
section.sec { margin: 0; }
.heading { font-family: var(--sans); line-height: 1.4; color: var(--ink); margin: 2rem 0 .7rem; position: relative; }
h2.heading { font-size: 1.35rem; color: var(--accent); border-bottom: 2px solid var(--line); padding-bottom: .3rem; }
h3.heading { font-size: 1.15rem; }
h4.heading { font-size: 1.04rem; }
h5.heading, h6.heading { font-size: 1rem; font-style: italic; }
.heading .m { color: var(--accent); margin-right: .35em; }
.heading .anchor { visibility: hidden; margin-left: .4em; color: var(--muted); font-weight: 400; }
.heading:hover .anchor { visibility: visible; }
p { margin: 0 0 .9rem; text-align: left; hyphens: manual; }
.item { display: grid; grid-template-columns: max-content minmax(0, 1fr); column-gap: .55em; margin: 0 0 .5rem; }
.item > .m { font-weight: 600; color: var(--accent); font-family: var(--sans); font-size: .95em; }
.item > .body > p:last-child { margin-bottom: .35rem; }
sup.fn { line-height: 0; font-family: var(--sans); font-size: .72em; }
a.fn-ref { padding: 0 .15em; border-radius: 3px; font-weight: 600; }
a.fn-ref:hover, a.fn-ref.open { background: var(--link); color: #fff; text-decoration: none; }
.claim { background: var(--claim); border-radius: 3px; box-decoration-break: clone;
         -webkit-box-decoration-break: clone; }
mark.fig { background: transparent; color: inherit; }
.claim mark.fig { border-bottom: 1.5px dotted var(--muted); }
mark.fig.ok { background: var(--ok-bg); border-bottom: 2px solid var(--ok); }
mark.fig.no { background: var(--no-bg); border-bottom: 2px solid var(--no); }
.check { font-family: var(--sans); font-size: .72em; font-weight: 600; border-radius: 999px; padding: .05em .55em;
         margin-left: .3em; white-space: nowrap; vertical-align: .1em; border: 1px solid currentColor; }
.check.supported { color: var(--ok); } .check.unsupported { color: var(--no); }
.check.partly-supported { color: #9a6700; } .check.no-figures { color: var(--muted); }
details.figures { font-family: var(--sans); font-size: 13.5px; margin: 0 0 1rem; }
details.figures summary { cursor: pointer; color: var(--muted); }
table { border-collapse: collapse; margin: .5rem 0 1.2rem; font-family: var(--sans); font-size: 14px;
        line-height: 1.45; }
th, td { border: 1px solid var(--line); padding: .3rem .55rem; vertical-align: top; text-align: left; }
th { background: #f1eee6; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; }
.subdoc { border-top: 3px double var(--line); margin-top: 3rem; padding-top: 1.5rem; }
#footnotes, #diagnostics { margin-top: 3.5rem; border-top: 2px solid var(--line); }
#footnotes h2, #diagnostics h2 { font-family: var(--sans); font-size: 1.2rem; }
ol.notes { padding-left: 0; list-style: none; font-size: 15px; line-height: 1.65; }
ol.notes li { display: grid; grid-template-columns: 2.4rem minmax(0, 1fr); margin-bottom: .55rem; border-radius: 6px; }
ol.notes .label { font-family: var(--sans); font-weight: 700; color: var(--accent); }
.back { font-family: var(--sans); font-size: .8em; margin-left: .3em; }
.back a { margin-right: .25em; }
ul.diags { font-family: var(--sans); font-size: 14px; padding-left: 1.2rem; }
ul.diags code { background: #f1eee6; padding: 0 .3em; border-radius: 3px; }
.sev-warning { color: #9a6700; } .sev-error { color: var(--no); } .sev-info { color: var(--muted); }
.flash { animation: flash 1.6s ease-out; }
@keyframes flash { from { background: var(--flash); } to { background: transparent; } }
#popover { position: absolute; z-index: 10; max-width: min(30rem, 90vw); background: var(--card); color: var(--ink);
           border: 1px solid var(--line); border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.16);
           padding: .8rem 1rem; font-size: 14.5px; line-height: 1.6; }
#popover[hidden] { display: none; }
#popover .label { font-family: var(--sans); font-weight: 700; color: var(--accent); margin-right: .4em; }
#popover .go { display: block; margin-top: .4rem; font-family: var(--sans); font-size: 12.5px; }
@media (max-width: 820px) {
  .layout { display: block; }
  nav.outline { position: static; max-height: 40vh; border-right: 0; border-bottom: 1px solid var(--line); }
  main { padding: 1.2rem 1rem 4rem; }
}
@media print { nav.outline, #popover { display: none; } .layout { display: block; } }
"""

JS = """
(function () {
  "use strict";
  var pop = document.getElementById("popover");
  var openRef = null;
  var pinned = false;
  function noteOf(ref) { return document.getElementById(ref.getAttribute("href").slice(1)); }
  function show(ref, pin) {
    var note = noteOf(ref);
    if (!note) { return; }
    if (openRef) { openRef.classList.remove("open"); }
    pop.innerHTML = "";
    var label = document.createElement("span");
    label.className = "label";
    label.textContent = note.querySelector(".label").textContent;
    var body = document.createElement("span");
    body.className = "body";
    body.innerHTML = note.querySelector(".fn-body").innerHTML;
    var go = document.createElement("a");
    go.className = "go";
    go.href = "#" + note.id;
    go.textContent = "\\u2192 footnote " + label.textContent;
    pop.append(label, body, go);
    pop.hidden = false;
    var box = ref.getBoundingClientRect();
    var right = window.scrollX + document.documentElement.clientWidth - pop.offsetWidth - 12;
    var left = Math.min(box.left + window.scrollX, right);
    pop.style.left = Math.max(8, left) + "px";
    pop.style.top = (box.bottom + window.scrollY + 6) + "px";
    ref.classList.add("open");
    openRef = ref;
    pinned = pin;
  }
  function hide() {
    pop.hidden = true;
    if (openRef) { openRef.classList.remove("open"); }
    openRef = null;
    pinned = false;
  }
  function flash(el) {
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
  }
  document.addEventListener("click", function (event) {
    var ref = event.target.closest("a.fn-ref");
    if (ref) {
      event.preventDefault();
      if (openRef === ref && pinned) { hide(); } else { show(ref, true); }
      return;
    }
    var link = event.target.closest("a[href^='#']");
    if (link && link.closest("#popover") === null) { hide(); }
    if (link) {
      var target = document.getElementById(link.getAttribute("href").slice(1));
      if (target) { window.setTimeout(function () { flash(target); }, 50); }
      return;
    }
    if (!event.target.closest("#popover")) { hide(); }
  });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") { hide(); } });
  document.querySelectorAll("a.fn-ref").forEach(function (ref) {
    ref.addEventListener("mouseenter", function () { if (!pinned) { show(ref, false); } });
    ref.addEventListener("mouseleave", function () { if (!pinned) { hide(); } });
  });
  var links = {};
  document.querySelectorAll("nav.outline a[href^='#n-']").forEach(function (a) {
    links[a.getAttribute("href").slice(1)] = a;
  });
  if ("IntersectionObserver" in window) {
    var current = null;
    var watch = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        var a = links[entry.target.parentElement.id];
        if (entry.isIntersecting && a) {
          if (current) { current.classList.remove("current"); }
          a.classList.add("current");
          current = a;
        }
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    document.querySelectorAll("section.sec > .heading").forEach(function (h) { watch.observe(h); });
  }
})();
"""
