package io.sitelens.screenshots.internal;

/** The JavaScript the provider runs in pages. */
final class PageScripts {
    private PageScripts() {}

    /** Installed before any page script runs: collects LCP, CLS and JavaScript errors. */
    static final String OBSERVE = """
            (() => {
              if (window.__sitelens) return;
              const s = window.__sitelens = {lcp: -1, cls: 0, errors: []};
              try {
                new PerformanceObserver(list => { for (const e of list.getEntries()) s.lcp = e.startTime; })
                  .observe({type: 'largest-contentful-paint', buffered: true});
              } catch (e) {}
              try {
                new PerformanceObserver(list => {
                  for (const e of list.getEntries()) if (!e.hadRecentInput) s.cls += e.value;
                }).observe({type: 'layout-shift', buffered: true});
              } catch (e) {}
              window.addEventListener('error', e => {
                if (e instanceof ErrorEvent && s.errors.length < 50)
                  s.errors.push(String(e.message) + (e.filename ? ' (' + e.filename + ':' + e.lineno + ')' : ''));
              }, true);
              window.addEventListener('unhandledrejection', e => {
                if (s.errors.length < 50) s.errors.push('Unhandled promise rejection: ' + String(e.reason));
              });
            })();
            """;

    /** Called asynchronously after load: waits two frames so LCP is recorded, then reports. */
    static final String COLLECT = """
            const done = arguments[arguments.length - 1];
            requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
              const n = performance.getEntriesByType('navigation')[0] || {};
              let bytes = n.transferSize || 0;
              const failed = [];
              for (const r of performance.getEntriesByType('resource')) {
                bytes += r.transferSize || 0;
                if (r.responseStatus >= 400 && failed.length < 50) failed.push(r.name + ' (' + r.responseStatus + ')');
              }
              const s = window.__sitelens || {lcp: -1, cls: 0, errors: []};
              const body = document.body;
              done({
                ttfb: n.responseStart || -1,
                dcl: n.domContentLoadedEventEnd || -1,
                load: n.loadEventEnd || -1,
                lcp: s.lcp, cls: s.cls, errors: s.errors, failed: failed, bytes: bytes,
                height: Math.max(document.documentElement.scrollHeight, body ? body.scrollHeight : 0)
              });
            }, 50)));
            """;
}
