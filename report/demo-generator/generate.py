#!/usr/bin/env python3
"""Generates the bundled demo of `sitelens demo` (all SYNTHETIC, made up for the demo):

  report/src/main/resources/io/sitelens/demo/site/...            a small static site with deliberate faults
  report/src/main/resources/io/sitelens/demo/redirects.txt       redirects the demo server answers
  report/src/main/resources/io/sitelens/demo/sitelens-demo-analytics.csv   a year of daily page metrics
  report/src/main/resources/io/sitelens/demo/sitelens-demo-container.json  a GTM container export

Deterministic (seeded); run from the repository root: python3 report/demo-generator/generate.py
The analytics end on END below; the demo shifts every date so the last day is yesterday.
"""
import csv, datetime, json, math, os, random

ROOT = "report/src/main/resources/io/sitelens/demo"
SITE = ROOT + "/site"
END = datetime.date(2026, 11, 28)
DAYS = 365
GTM = "GTM-SLDEMO1"
GA4 = "G-SLDEMO2026"
rnd = random.Random(20261128)

TAG = f"""<script>window.dataLayer=window.dataLayer||[];dataLayer.push({{'gtm.start':Date.now(),event:'gtm.js'}});</script>
<script async src="/gtm.js?id={GTM}"></script>"""

# path, title, description, h1, flags
pages = []
def page(path, title, desc, h1, body, **flags):
    pages.append(dict(path=path, title=title, desc=desc, h1=h1, body=body, flags=flags))

LOREM = ("Sitelens Demo Supplies makes sturdy, repairable tools for small workshops. Every product ships with a "
         "spare-parts list, a printed manual and a two-year warranty. ")

def para(seed, n=3):
    r = random.Random(seed)
    words = ("bench vise clamp chisel plane saw drill bit torque ratchet hammer mallet rasp file gauge square level "
             "sander router jig fence dowel glue finish oil wax brush varnish lathe tenon mortise joint").split()
    out = []
    for i in range(n):
        out.append("<p>" + LOREM + " ".join(r.choice(words) for _ in range(40)).capitalize() + ".</p>")
    return "\n".join(out)

products = [f"/products/widget-{i}.html" for i in range(1, 9)]
posts = [f"/blog/post-{i}.html" for i in range(1, 9)]
docs = [f"/docs/{n}.html" for n in ("getting-started", "installation", "maintenance", "spare-parts", "warranty", "faq")]

nav = """<nav><a href="/">Home</a> <a href="/products/">Products</a> <a href="/blog/">Blog</a>
<a href="/docs/getting-started.html">Docs</a> <a href="/about.html">About</a> <a href="/contact.html">Contact</a></nav>"""

page("/", "Sitelens Demo Supplies – tools for small workshops", "Repairable workshop tools with spare parts and a two-year warranty.",
     "Tools for small workshops",
     para(1) + "<h2>Popular</h2><ul>" + "".join(f'<li><a href="{p}">Widget {i+1}</a></li>' for i, p in enumerate(products[:4]))
     + '</ul><p><a href="/summer-sale.html">Summer sale</a> · <a href="/old-home">Our old home page</a> · '
       '<a href="/pricing.html">Pricing</a></p><img src="/img/logo.svg" alt="Sitelens Demo Supplies logo" width="120" height="40">')
page("/products/", "Products – Sitelens Demo Supplies", "Every tool we make, with prices and spare parts.", "Products",
     "<ul>" + "".join(f'<li><a href="{p}">Widget {i+1}</a></li>' for i, p in enumerate(products)) + "</ul>" + para(2, 1))
for i, p in enumerate(products, start=1):
    title = f"Widget {i} – Sitelens Demo Supplies"
    desc = f"Widget {i}: a repairable workshop tool with a two-year warranty."
    h1 = f"Widget {i}"
    body = para(100 + i) + f'<img src="/img/widget.svg" alt="Widget {i}" width="200" height="120">'
    flags = {}
    if i == 3:
        desc = None  # fault: missing meta description
    if i == 5:  # fault: duplicate of widget 4 (same title, description and body)
        title, desc, h1, body = (f"Widget 4 – Sitelens Demo Supplies", "Widget 4: a repairable workshop tool with a two-year warranty.",
                                  "Widget 4", para(104) + '<img src="/img/widget.svg" alt="Widget 4" width="200" height="120">')
    if i == 7:  # fault: images without alt
        body = para(107) + '<img src="/img/widget.svg" width="200" height="120"><img src="/img/widget.svg">'
    if i == 8:
        h1 = None  # fault: missing h1
    page(p, title, desc, h1, body + '<p><a href="/products/">All products</a></p>', **flags)
page("/blog/", "Blog – Sitelens Demo Supplies", "Workshop notes, repair guides and product news.", "Blog",
     "<ul>" + "".join(f'<li><a href="{p}">Post {i+1}</a></li>' for i, p in enumerate(posts)) + "</ul>")
for i, p in enumerate(posts, start=1):
    title = f"Workshop notes #{i} – Sitelens Demo Supplies"
    desc = f"Workshop notes number {i}: a repair guide."
    body = para(200 + i, 4)
    flags = {}
    if i == 2:
        title = None  # fault: missing title
    if i == 4:
        body += '<p>Read on: <a href="/blog/post-99.html">the sequel</a> and <a href="/docs/old-manual.pdf">the old manual</a>.</p>'  # fault: broken links
    if i == 5:
        body += '<img src="http://cdn.example.invalid/banner.png" alt="Banner" width="300" height="60">'  # fault: mixed/insecure content
    if i == 6:
        body += "<script>document.addEventListener('DOMContentLoaded',function(){undefinedDemoFunction();});</script>"  # fault: JS error
    if i == 7:
        flags["no_tag"] = True  # fault: analytics tag missing
    if i == 8:
        flags["heavy"] = True  # fault: slow and heavy (served slowly, a large image)
        body += '<img src="/img/huge-photo.png" alt="A very large photo" width="1600" height="900">'
    page(p, title, desc, f"Workshop notes #{i}", body + '<p><a href="/blog/">All posts</a></p>', **flags)
for d in docs:
    name = d.split("/")[-1][:-5].replace("-", " ")
    page(d, f"{name.capitalize()} – Docs – Sitelens Demo Supplies", f"Documentation: {name}.", name.capitalize(),
         para(sum(map(ord, d)), 2) + "<ul>" + "".join(f'<li><a href="{x}">{x}</a></li>' for x in docs) + "</ul>")
page("/about.html", "About us – Sitelens Demo Supplies", None, "About us", para(300) + "<h1>Our story</h1>" + para(301, 1))  # faults: no description, two h1
page("/contact.html", "Contact – Sitelens Demo Supplies", "Write to us or visit the workshop.", "Contact",
     '<form action="http://forms.example.invalid/contact" method="post"><label>Email <input name="email" type="email"></label>'
     '<button>Send</button></form>')  # fault: form posts over http
page("/pricing.html", "Pricing for every workshop tool we make, spare parts, repairs, shipping and the warranty explained in detail – Sitelens Demo Supplies",
     "Prices for tools, spare parts and repairs.", "Pricing", para(400, 2))  # fault: title too long
page("/team.html", "Team – Sitelens Demo Supplies", "The people who make the tools.", "Team", para(500, 1))
page("/careers.html", "Careers – Sitelens Demo Supplies", "Work with us.", "Careers", "<p>No openings right now.</p>")  # thin content
page("/privacy.html", "Privacy – Sitelens Demo Supplies", "How we handle personal data.", "Privacy", para(600, 2))
page("/terms.html", "Terms – Sitelens Demo Supplies", "Terms of sale.", "Terms", para(700, 2))

footer = '<footer><a href="/privacy.html">Privacy</a> · <a href="/terms.html">Terms</a> · <a href="/team.html">Team</a> · <a href="/careers.html">Careers</a> · <a href="/blog/">Blog</a> · <a href="/contact.html">Contact</a></footer>'

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)

for p in pages:
    f = p["flags"]
    head = ['<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">']
    if p["title"] is not None:
        head.append(f"<title>{p['title']}</title>")
    if p["desc"] is not None:
        head.append(f'<meta name="description" content="{p["desc"]}">')
    head.append('<link rel="stylesheet" href="/css/site.css">')
    if not f.get("no_tag"):
        head.append(TAG)
    h1 = f"<h1>{p['h1']}</h1>" if p["h1"] else ""
    html = ("<!DOCTYPE html>\n<html lang=\"en\"><head>" + "\n".join(head) + "</head>\n<body>" + nav + "<main>" + h1
            + p["body"] + "</main>" + footer + "</body></html>\n")
    fs = p["path"] + ("index.html" if p["path"].endswith("/") else "")
    write(SITE + fs, html)

write(SITE + "/css/site.css", "body{font-family:Georgia,serif;max-width:46rem;margin:2rem auto;color:#222;padding:0 1rem}"
      "nav a{margin-right:.8rem}h1{color:#14426b}footer{margin-top:3rem;font-size:.9rem;color:#555}"
      "img{max-width:100%;height:auto;background:#e9eef5}\n")
write(SITE + "/img/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#14426b"/><text x="10" y="26" fill="#fff" font-size="16" font-family="sans-serif">SL Demo</text></svg>\n')
write(SITE + "/img/widget.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="120"><rect width="200" height="120" fill="#d9e4f2"/><circle cx="100" cy="60" r="36" fill="#14426b"/></svg>\n')
write(SITE + "/gtm.js", "/* SYNTHETIC first-party stand-in for Google Tag Manager (" + GTM + "): records page views in the dataLayer only. */\n"
      "window.dataLayer=window.dataLayer||[];window.dataLayer.push({event:'page_view',page_path:location.pathname});\n")
write(SITE + "/robots.txt", "User-agent: *\nAllow: /\nSitemap: /sitemap.xml\n")
urls = [p["path"] for p in pages]
write(SITE + "/sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
      + "".join(f"  <url><loc>{{BASE}}{u}</loc></url>\n" for u in urls + ["/summer-sale.html"]) + "</urlset>\n")
write(ROOT + "/redirects.txt", "# SYNTHETIC redirects of the demo site: path status target\n"
      "/old-home 301 /old-home-2\n/old-home-2 301 /home-2019\n/home-2019 302 /\n/sale 302 /products/\n")
write(ROOT + "/pages.txt", "# every file of the demo site, for the demo server (generated)\n" + "\n".join(sorted(
    os.path.relpath(os.path.join(dp, fn), SITE).replace(os.sep, "/") for dp, _, fns in os.walk(SITE) for fn in fns)) + "\n")

# ---- analytics: a year of daily metrics per page (SYNTHETIC)
weights = {"/": 900, "/products/": 420, "/blog/": 160, "/pricing.html": 260, "/contact.html": 90, "/about.html": 70,
           "/summer-sale.html": 150}
for i, p in enumerate(products, start=1):
    weights[p] = 220 - i * 18
for i, p in enumerate(posts, start=1):
    weights[p] = 60 + (i * 37) % 90
for d in docs:
    weights[d] = 25 + len(d)
for p in ("/team.html", "/careers.html", "/privacy.html", "/terms.html"):
    weights[p] = 12
start = END - datetime.timedelta(days=DAYS - 1)
anomaly_day = END - datetime.timedelta(days=9)
rows = []
for n in range(DAYS):
    day = start + datetime.timedelta(days=n)
    weekly = 1.0 + 0.18 * math.sin(2 * math.pi * (day.weekday() - 1) / 7)
    trend = 1.0 + 0.15 * n / DAYS
    for path, w in weights.items():
        factor = weekly * trend
        recent = (END - day).days < 28
        if path == "/blog/post-3.html" and recent:
            factor *= 3.2  # a mover: up
        if path == "/products/widget-2.html" and recent:
            factor *= 0.35  # a mover: down
        if path == "/summer-sale.html" and (END - day).days > 150:
            factor *= 0.2
        if day == anomaly_day and path in ("/", "/products/", "/pricing.html"):
            factor *= 4.5  # an anomaly: a one-day spike
        views = max(0, int(round(w * factor * rnd.uniform(0.85, 1.15))))
        sessions = max(0, int(round(views * rnd.uniform(0.62, 0.78))))
        users = max(0, int(round(sessions * rnd.uniform(0.8, 0.92))))
        bounce = 0.82 if path == "/summer-sale.html" else (0.66 if path == "/blog/post-8.html" else rnd.uniform(0.32, 0.52))
        bounce = min(0.98, max(0.05, bounce + rnd.uniform(-0.04, 0.04)))
        engagement = round(rnd.uniform(25, 95) * (0.4 if path == "/summer-sale.html" else 1.0), 1)
        rows.append([day.isoformat(), path, views, sessions, users, f"{bounce:.4f}", engagement])
with open(ROOT + "/sitelens-demo-analytics.csv", "w", newline="\n", encoding="utf-8") as f:
    f.write("# SYNTHETIC demo analytics generated by report/demo-generator/generate.py (seed 20261128); not real data.\n")
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["date", "page", "page_views", "sessions", "users", "bounce_rate", "average_engagement_time"])
    w.writerows(rows)

# ---- a GTM container export (SYNTHETIC)
def tmpl(k, v):
    return {"type": "TEMPLATE", "key": k, "value": v}
acct, cont = "6000000001", "90000001"
def tag(tid, name, typ, params, triggers, paused=False):
    t = {"accountId": acct, "containerId": cont, "tagId": tid, "name": name, "type": typ, "parameter": params,
         "fingerprint": "1700000000000", "firingTriggerId": triggers, "tagFiringOption": "ONCE_PER_EVENT",
         "consentSettings": {"consentStatus": "NOT_SET"}}
    if paused:
        t["paused"] = True
    return t
def trig(tid, name, typ, event=None):
    t = {"accountId": acct, "containerId": cont, "triggerId": tid, "name": name, "type": typ, "fingerprint": "1700000000000"}
    if event:
        t["customEventFilter"] = [{"type": "EQUALS", "parameter": [tmpl("arg0", "{{_event}}"), tmpl("arg1", event)]}]
    return t
container = {
    "exportFormatVersion": 2,
    "exportTime": "2026-11-28 09:00:00",
    "containerVersion": {
        "path": f"accounts/{acct}/containers/{cont}/versions/0", "accountId": acct, "containerId": cont,
        "containerVersionId": "0",
        "container": {"path": f"accounts/{acct}/containers/{cont}", "accountId": acct, "containerId": cont,
                      "name": "Sitelens demo (synthetic)", "publicId": GTM, "usageContext": ["WEB"],
                      "fingerprint": "1700000000000"},
        "tag": [
            tag("1", "GA4 – Google tag", "googtag", [tmpl("tagId", GA4)], ["2147479553"]),
            tag("2", "GA4 – add_to_cart", "gaawe", [tmpl("eventName", "add_to_cart"), tmpl("measurementIdOverride", GA4),
                {"type": "LIST", "key": "eventSettingsTable", "list": [{"type": "MAP", "map": [tmpl("parameter", "item_id"), tmpl("parameterValue", "{{DLV – item_id}}")]}]}], ["10"]),
            tag("3", "GA4 – generate_lead", "gaawe", [tmpl("eventName", "generate_lead"), tmpl("measurementIdOverride", GA4)], ["11"]),
            tag("4", "GA4 – newsletter_signup (old)", "gaawe", [tmpl("eventName", "newsletter_signup"), tmpl("measurementIdOverride", GA4)], ["12"], paused=True),
            tag("5", "GA4 – file_download", "gaawe", [tmpl("eventName", "file_download"), tmpl("measurementIdOverride", GA4)], []),
        ],
        "trigger": [trig("10", "Add to cart", "CUSTOM_EVENT", "add_to_cart"), trig("11", "Contact form sent", "CUSTOM_EVENT", "form_sent"),
                    trig("12", "Newsletter", "CUSTOM_EVENT", "newsletter")],
        "variable": [{"accountId": acct, "containerId": cont, "variableId": "20", "name": "DLV – item_id", "type": "v",
                      "parameter": [{"type": "INTEGER", "key": "dataLayerVersion", "value": "2"}, tmpl("name", "item_id")],
                      "fingerprint": "1700000000000"}],
        "builtInVariable": [{"accountId": acct, "containerId": cont, "type": "PAGE_URL", "name": "Page URL"},
                            {"accountId": acct, "containerId": cont, "type": "EVENT", "name": "Event"}],
        "fingerprint": "1700000000000",
    },
}
with open(ROOT + "/sitelens-demo-container.json", "w", encoding="utf-8", newline="\n") as f:
    json.dump(container, f, indent=2)
    f.write("\n")
print(len(pages), "pages,", len(rows), "analytics rows")
