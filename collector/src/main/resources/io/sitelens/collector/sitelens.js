/*
 * sitelens.js - the consent-first behaviour tracker of sitelens (plain JavaScript, no dependencies).
 *
 * Nothing runs and nothing is sent until the host's consent banner calls
 *   sitelens('consent', {behaviour: true, geolocation: false, cookie: false, notice: 'v3'})
 * Global Privacy Control and Do Not Track stop it for good. It never reads element text or form values.
 * Other commands: sitelens('flush') sends what is buffered now.
 * Single-page apps: a new path set with history.pushState or replaceState, or reached with the back button, is a
 * new page view (the previous page's events are sent first, under its own path). Hash-only routes are not pages.
 *
 * Tag:
 *   <script>window.sitelens=window.sitelens||function(){(sitelens.q=sitelens.q||[]).push(arguments)}</script>
 *   <script async src="/sitelens.min.js" data-site="SITE" data-endpoint="https://collector.example/c"></script>
 */
(function (w, d, n) {
  var tag = d.currentScript;
  var site = tag && tag.getAttribute('data-site');
  var endpoint = tag && tag.getAttribute('data-endpoint');
  var queued = (w.sitelens && w.sitelens.q) || [];
  var consent = null;
  var started = 0;
  var buffer = [];
  var mutations = 0;
  var recent = [];
  var forms = [];
  var depth = 0;
  var sentDepth = 0;
  var engaged = 0;
  var engagedSince = 0;
  var focused = 0;
  var lastMouse = 0;
  var mice = 0;
  var cookieId = null;
  var returning = 0;
  var wired = 0;
  var path = location.pathname.slice(0, 1024);
  var from = d.referrer.split(/[?#]/)[0].slice(0, 1024);

  function refused() {
    return n.globalPrivacyControl === true || n.doNotTrack == '1' || w.doNotTrack == '1';
  }

  function push(e) {
    if (!started) return;
    e.t = Date.now();
    buffer.push(e);
    if (buffer.length > 99) flush();
  }

  function on(target, type, fn) {
    target.addEventListener(type, fn, {capture: true, passive: true});
  }

  // A stable selector: the nearest id, else tag names with :nth-of-type, at most 5 levels; no text.
  function selector(el) {
    var path = [];
    for (var i = 0; el && el.nodeType == 1 && el != d.body && i < 5; i++, el = el.parentElement) {
      if (el.id) {
        path.unshift('#' + el.id);
        break;
      }
      var name = el.tagName.toLowerCase();
      var nth = 1;
      var same = 0;
      for (var s = el.parentElement && el.parentElement.firstElementChild; s; s = s.nextElementSibling) {
        if (s.tagName == el.tagName) {
          same++;
          if (s === el) nth = same;
        }
      }
      path.unshift(same > 1 ? name + ':nth-of-type(' + nth + ')' : name);
    }
    return path.join('>').slice(0, 256);
  }

  function tickEngaged() {
    var now = Date.now();
    if (focused) engaged += now - engagedSince;
    engagedSince = now;
    focused = d.visibilityState == 'visible' && d.hasFocus() ? 1 : 0;
  }

  function onClick(ev) {
    var x = Math.round(ev.pageX);
    var y = Math.round(ev.pageY);
    var target = ev.target;
    var q = selector(target);
    var now = Date.now();
    push({k: 'c', x: x, y: y, q: q});
    recent = recent.filter(function (r) {
      return now - r[0] < 1000 && Math.abs(r[1] - x) < 30 && Math.abs(r[2] - y) < 30;
    });
    recent.push([now, x, y]);
    if (recent.length == 3) push({k: 'rc', x: x, y: y, q: q});
    if (target.closest && target.closest('input,select,textarea,label')) return;
    var seen = mutations;
    var href = location.href;
    setTimeout(function () {
      if (seen == mutations && href == location.href && d.visibilityState == 'visible') push({k: 'dc', x: x, y: y, q: q});
    }, 2500);
  }

  function formOf(ev) {
    var f = ev.target && (ev.target.form || (ev.target.tagName == 'FORM' && ev.target));
    return f ? f.id || f.getAttribute('name') || 'form' + [].indexOf.call(d.forms, f) : null;
  }

  function begin() {
    if (started || refused() || !site || !endpoint) return;
    started = 1;
    path = location.pathname.slice(0, 1024); // the app may have moved on before consent
    tickEngaged();
    push({k: 'pv'});
    if (wired) return;
    wired = 1;
    if (w.MutationObserver) {
      new MutationObserver(function () {
        mutations++;
      }).observe(d.documentElement, {childList: true, subtree: true, attributes: true, characterData: true});
    }
    on(d, 'click', onClick);
    on(w, 'scroll', function () {
      var h = d.documentElement.scrollHeight;
      if (h > 0) depth = Math.max(depth, Math.min(1, (w.scrollY + w.innerHeight) / h));
    });
    on(d, 'mousemove', function (ev) {
      var now = Date.now();
      if (now - lastMouse > 2000 && mice < 50) {
        lastMouse = now;
        mice++;
        push({k: 'm', x: Math.round(ev.pageX), y: Math.round(ev.pageY)});
      }
    });
    on(d, 'focusin', function (ev) {
      var f = formOf(ev);
      if (f && forms.indexOf(f) < 0) {
        forms.push(f);
        push({k: 'fs', f: f});
      }
    });
    on(d, 'submit', function (ev) {
      var f = formOf(ev);
      if (f) push({k: 'ff', f: f});
      flush();
    });
    on(w, 'focus', tickEngaged);
    on(w, 'blur', tickEngaged);
    on(d, 'visibilitychange', function () {
      tickEngaged();
      if (d.visibilityState == 'hidden') flush();
    });
    on(w, 'pagehide', flush);
    setInterval(flush, 10000);
    ['pushState', 'replaceState'].forEach(function (m) {
      var original = history[m];
      history[m] = function () {
        var result = original.apply(this, arguments);
        route();
        return result;
      };
    });
    on(w, 'popstate', route);
  }

  // A single-page app moved to another path: the old page's events go out under its path, then a new page view.
  function route() {
    var next = location.pathname.slice(0, 1024);
    if (!started || next == path) return;
    flush();
    from = (location.origin + path).slice(0, 1024);
    path = next;
    depth = sentDepth = 0;
    forms = [];
    recent = [];
    push({k: 'pv'});
  }

  function send(events) {
    var body = JSON.stringify({
      v: 1,
      s: site,
      t: Date.now(),
      c: {b: 1, g: consent.geolocation ? 1 : 0, r: cookieId ? 1 : 0, n: String(consent.notice || '')},
      i: cookieId,
      r: returning,
      p: {
        u: path,
        r: from,
        w: w.innerWidth,
        h: w.innerHeight,
        sw: screen.width,
        sh: screen.height,
        z: (w.Intl && Intl.DateTimeFormat().resolvedOptions().timeZone) || '',
        l: n.language || ''
      },
      e: events
    });
    // each batch stays under 64 KiB: halve until it fits
    if (body.length > 60000 && events.length > 1) {
      send(events.slice(0, events.length >> 1));
      send(events.slice(events.length >> 1));
    } else if (!(n.sendBeacon && n.sendBeacon(endpoint, body)) && w.fetch) {
      fetch(endpoint, {method: 'POST', body: body, keepalive: true, credentials: 'omit', headers: {'Content-Type': 'text/plain'}});
    }
  }

  function flush() {
    if (!started || refused()) return;
    tickEngaged();
    if (depth > sentDepth) {
      sentDepth = depth;
      buffer.push({k: 's', t: Date.now(), d: Math.round(depth * 1000) / 1000});
    }
    if (engaged > 0) {
      buffer.push({k: 'en', t: Date.now(), d: engaged});
      engaged = 0;
    }
    if (buffer.length) {
      var events = buffer;
      buffer = [];
      send(events);
    }
  }

  function cookie(keep) {
    var m = d.cookie.match(/(?:^|; )_sl=([0-9a-f]{32})/);
    if (!keep) {
      if (m) d.cookie = '_sl=; path=/; max-age=0; SameSite=Lax';
      cookieId = null;
      return;
    }
    returning = m ? 1 : 0;
    if (!m) {
      var b = new Uint8Array(16);
      crypto.getRandomValues(b);
      m = [0, [].map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('')];
    }
    cookieId = m[1];
    d.cookie = '_sl=' + cookieId + '; path=/; max-age=31536000; SameSite=Lax';
  }

  function api(command, options) {
    if (command == 'consent') {
      consent = options || {};
      if (consent.behaviour && !refused()) {
        cookie(consent.cookie);
        begin();
      } else {
        cookie(0);
        buffer = [];
        started = 0;
      }
    } else if (command == 'flush') {
      flush();
    }
  }

  w.sitelens = api;
  for (var i = 0; i < queued.length; i++) api.apply(null, queued[i]);
})(window, document, navigator);
