package io.sitelens.report.internal;

/** The report's inline style sheet: screen and print. */
public final class Style {
    private Style() {}

    public static final String CSS = """
            :root{--ink:#1d2433;--muted:#5b6578;--line:#dde2ea;--bg:#f6f7f9;--card:#fff;--accent:#2456c9;
            --good:#17803d;--bad:#c0352b;--warn:#b26a00}
            *{box-sizing:border-box}
            body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;
            color:var(--ink);background:var(--bg)}
            header.top{background:#14213d;color:#fff;padding:28px 40px}
            header.top h1{margin:0 0 4px;font-size:26px}
            header.top p{margin:0;color:#c9d3ea}
            header.top a{color:#fff}
            nav.toc{padding:10px 40px;background:#fff;border-bottom:1px solid var(--line);font-size:14px}
            nav.toc a{margin-right:16px;color:var(--accent);text-decoration:none}
            main{max-width:1180px;margin:0 auto;padding:8px 24px 48px}
            section.section{background:var(--card);border:1px solid var(--line);border-radius:10px;
            padding:20px 24px;margin:22px 0}
            h2{margin:0 0 12px;font-size:20px}
            h3{margin:18px 0 8px;font-size:16px}
            .muted{color:var(--muted)}
            .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:12px}
            .card{border:1px solid var(--line);border-radius:8px;padding:12px 14px;background:#fbfcfe}
            .card .label{font-size:13px;color:var(--muted)}
            .card .value{font-size:26px;font-weight:650}
            .delta.good{color:var(--good)}.delta.bad{color:var(--bad)}.delta.flat{color:var(--muted)}
            ol.insights{padding-left:22px}
            ol.insights>li{margin:0 0 16px;padding:12px 14px;border:1px solid var(--line);border-radius:8px}
            .badge{display:inline-block;font-size:12px;padding:1px 8px;border-radius:10px;background:#e8eefc;
            color:#1f3f8f;margin-right:6px}
            .sev-error{background:#fde8e6;color:#8f1f16}.sev-warning{background:#fff1d6;color:#7a4a00}
            .sev-notice{background:#eef1f5;color:#3d4657}
            .score{display:inline-block;width:80px;height:8px;background:#e6e9ef;border-radius:4px;
            vertical-align:middle;overflow:hidden}
            .score i{display:block;height:100%;background:var(--accent)}
            .action{margin-top:6px;padding:6px 10px;background:#f0f7f1;border-left:3px solid var(--good)}
            table{border-collapse:collapse;width:100%;font-size:13.5px}
            th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
            th{background:#f3f5f8;font-weight:600}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            td.url{word-break:break-all;max-width:360px}
            ul.findings{margin:0;padding-left:16px}
            svg.chart{width:100%;height:auto;background:#fff}
            svg.chart .line{fill:none;stroke:var(--accent);stroke-width:1.6}
            svg.chart.bounce .line{stroke:var(--warn)}
            svg.chart .grid{stroke:#edf0f4}
            svg.chart .axis{font-size:11px;fill:var(--muted)}
            svg.chart .window{fill:#eef3ff}
            .gallery{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:14px}
            figure{margin:0;border:1px solid var(--line);border-radius:8px;overflow:hidden;background:#fff}
            figure img{display:block;width:100%;height:auto;max-height:420px;object-fit:cover;
            object-position:top;border-bottom:1px solid var(--line)}
            figcaption{padding:8px 10px;font-size:12.5px;word-break:break-all}
            .meter{height:14px;background:#f3d2cf;border-radius:7px;overflow:hidden;max-width:420px}
            .meter i{display:block;height:100%;background:var(--good)}
            footer{text-align:center;color:var(--muted);font-size:12px;padding:20px}
            @media print{
            body{background:#fff;font-size:11pt}
            nav.toc{display:none}
            header.top{background:#fff;color:#000;padding:0 0 8pt;border-bottom:2px solid #000}
            header.top p,header.top a{color:#000}
            main{max-width:none;padding:0}
            section.section{border:none;border-radius:0;padding:0;margin:14pt 0;break-inside:auto}
            h2{break-after:avoid}
            ol.insights>li,figure,tr,.card{break-inside:avoid}
            .gallery{grid-template-columns:repeat(3,1fr)}
            a{color:#000;text-decoration:none}
            svg.chart .window{fill:#f2f2f2}
            }
            """;
}
