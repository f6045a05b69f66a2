// The LAN board: the latest calls and the waiting count per service, live over SSE (polling
// if blocked), the Bangkok time, and a chime on each new call after one tap.
(function () {
  "use strict";
  var T = JSON.parse(document.getElementById("texts").textContent);
  var main = document.getElementById("board"), lang = main.dataset.lang;
  var board = JSON.parse(main.dataset.board), chimeOn = false, pollTimer = null;
  var chime = document.getElementById("chime");
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, cls, value) { var e = document.createElement(tag); if (cls) { e.className = cls; } if (value !== undefined) { e.textContent = value; } return e; }

  function key(c) { return c ? c.code + "@" + c.counter + "#" + c.recall_count + c.called_at : ""; }

  var shownDate = board.business_date;
  function render(next) {
    if (next.business_date !== shownDate) { location.reload(); return; }  // a new day
    var fresh = key(next.calls[0]) !== key(board.calls[0]);
    board = next;
    var calls = $("calls"); calls.textContent = "";
    if (!next.calls.length) { calls.appendChild(el("li", "none", T.board_none)); }
    next.calls.forEach(function (c, i) {
      var li = el("li", "call" + (i === 0 ? " latest" : ""));
      li.appendChild(el("span", "c-code", c.code)); li.appendChild(el("span", "c-arrow", "→"));
      li.appendChild(el("span", "c-counter", T.board_counter + " " + c.counter));
      // Why this call came before others (an appointment, or a ticket that waited long),
      // as the office's own board says it.
      if (c.mark && T["board_mark_" + c.mark]) { li.appendChild(el("span", "c-tag " + c.mark, T["board_mark_" + c.mark])); }
      calls.appendChild(li);
    });
    var services = $("services"); services.textContent = "";
    next.services.forEach(function (s) {
      var li = el("li");
      li.appendChild(el("span", "s-name", lang === "en" && s.name_en ? s.name_en : s.name));
      li.appendChild(el("span", "s-count", String(s.waiting)));
      services.appendChild(li);
    });
    if (fresh && next.calls.length && chimeOn) { chime.currentTime = 0; chime.play().catch(function () {}); }
  }

  function clock() {
    var now = new Date();
    var opts = { timeZone: "Asia/Bangkok", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false };
    try { $("clock").textContent = now.toLocaleTimeString("en-GB", opts); } catch (e) { $("clock").textContent = now.toTimeString().slice(0, 8); }
  }
  clock(); setInterval(clock, 1000);

  $("chime-on").addEventListener("click", function () { chimeOn = true; chime.load(); this.classList.add("on"); });

  function poll() {
    fetch("/api/board", { cache: "no-cache" }).then(function (r) { return r.json(); }).then(render).catch(function () {});
  }
  function startPolling() { if (!pollTimer) { pollTimer = setInterval(poll, 5000); poll(); } }

  if (!window.EventSource) { startPolling(); return; }
  var opened = false, source = new EventSource("/api/board/events");
  source.addEventListener("board", function (e) { opened = true; render(JSON.parse(e.data)); });
  source.onopen = function () { opened = true; };
  source.onerror = function () { if (!opened || source.readyState === EventSource.CLOSED) { source.close(); startPolling(); } };
})();
