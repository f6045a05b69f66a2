// The ticket page: live over Server-Sent Events, polling every few seconds if they are
// blocked; a vibration and (after one tap, browsers ask for it) a chime when called.
(function () {
  "use strict";
  var T = JSON.parse(document.getElementById("texts").textContent);
  var main = document.getElementById("ticket");
  var api = main.dataset.api, k = main.dataset.k, lang = main.dataset.lang;
  var pollMs = (parseInt(main.dataset.poll, 10) || 5) * 1000;
  var state = JSON.parse(main.dataset.state);
  var soundOn = false, pollTimer = null, source = null, sent = false;
  var chime = document.getElementById("chime");
  var $ = function (id) { return document.getElementById(id); };

  function text(el, value) { el.textContent = value; }
  function span(cls, value, id) {
    var s = document.createElement("span"); s.className = cls; s.textContent = value;
    if (id) { s.id = id; } return s;
  }

  function render(next) {
    var wasCalled = state.status === "called";
    state = next;
    main.className = "status-" + next.status;
    var status = $("status-text"), big = $("big"), detail = $("detail");
    big.textContent = ""; detail.textContent = "";
    var serviceName = lang === "en" && next.service_name_en ? next.service_name_en : next.service_name;
    text($("service"), serviceName);
    if (next.status === "waiting" || next.status === "transferred") {
      text(status, next.status === "waiting" ? T.status_waiting : T.status_transferred + " " + next.service);
      if (next.ahead === 0) { big.appendChild(span("next", T.next)); }
      else {
        big.appendChild(span("small", T.ahead)); big.appendChild(document.createTextNode(" "));
        big.appendChild(span("num", String(next.ahead), "ahead")); big.appendChild(document.createTextNode(" "));
        big.appendChild(span("small", T.people));
        text(detail, T.wait + " " + next.estimated_wait_min + " " + T.minutes);
      }
      if (next.status === "transferred") { detail.appendChild(document.createElement("br")); detail.appendChild(document.createTextNode(T.transferred_help)); }
    } else if (next.status === "called") {
      text(status, T.status_called);
      big.appendChild(span("small", T.go_to_counter));
      big.appendChild(span("num counter", String(next.counter), "counter"));
      if (!wasCalled) { alertCalled(); }
    } else if (next.status === "served") {
      text(status, T.status_served);
    } else {
      text(status, T.status_no_show); text(detail, T.no_show_help);
    }
    $("sound").hidden = ["waiting", "transferred", "called"].indexOf(next.status) < 0;
    var rate = $("rate"), note = $("rate-note");
    if (next.status === "served" && k && !next.rated && !sent) { rate.hidden = false; }
    else { rate.hidden = true; }
    if (next.rated && !sent) { text(note, T.rated_already); }
    else if (next.status === "served" && !k) { text(note, T.rate_without_k); }
  }

  function alertCalled() {
    $("state").classList.add("flash");
    setTimeout(function () { $("state").classList.remove("flash"); }, 3200);
    try { if (navigator.vibrate) { navigator.vibrate([400, 150, 400, 150, 400]); } } catch (e) { /* not allowed */ }
    if (soundOn) { chime.currentTime = 0; chime.play().catch(function () {}); }
  }

  $("sound").addEventListener("click", function () {
    soundOn = true;
    chime.load(); chime.volume = 0; chime.play().then(function () { chime.pause(); chime.volume = 1; }).catch(function () {});
    this.classList.add("on"); text(this, T.sound_ready);
  });

  function live(ok) {
    var el = $("live"); el.className = ok ? "" : "off"; text(el, ok ? T.live : T.offline);
  }

  function poll() {
    fetch(api, { headers: { "Accept": "application/json" }, cache: "no-cache" })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (t) { live(true); render(Object.assign({}, state, t)); })
      .catch(function () { live(false); });
  }

  function startPolling() {
    if (pollTimer) { return; }
    pollTimer = setInterval(poll, pollMs); poll();
  }

  function connect() {
    if (!window.EventSource) { startPolling(); return; }
    var opened = false;
    source = new EventSource(api + "/events");
    source.addEventListener("ticket", function (e) { opened = true; live(true); render(JSON.parse(e.data)); });
    source.onopen = function () { opened = true; live(true); };
    source.onerror = function () {
      // Blocked or never opened (a proxy that buffers): poll instead. Otherwise the
      // browser reconnects by itself; poll meanwhile so nothing is missed.
      if (!opened || source.readyState === EventSource.CLOSED) { source.close(); startPolling(); }
      else { live(false); }
    };
  }

  $("rate-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var form = e.target, picked = form.querySelector("input[name=score]:checked");
    if (!picked) { return; }
    $("send").disabled = true;
    fetch(form.action, {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ k: k, score: parseInt(picked.value, 10), comment: form.comment.value })
    }).then(function (r) {
      var note = $("rate-note");
      if (r.status === 201) { sent = true; $("rate").hidden = true; note.className = "note ok"; text(note, T.thanks); }
      else if (r.status === 409) { sent = true; $("rate").hidden = true; note.className = "note"; text(note, T.rated_already); }
      else { $("send").disabled = false; text(note, T.rate_failed); }
    }).catch(function () { $("send").disabled = false; text($("rate-note"), T.rate_failed); });
  });

  connect();
})();
