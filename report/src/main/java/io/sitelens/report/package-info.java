/**
 * The audit report: {@link ReportData#collect} reads a project's stored data through the core APIs,
 * {@link HtmlReport} renders it as one self-contained HTML file (inline CSS and SVG, no script, no network),
 * {@link JsonSummary} writes the machine-readable summary. {@link DemoSite} is the bundled, synthetic
 * sample site, analytics and GTM container of {@code sitelens demo}.
 */
@NullMarked
package io.sitelens.report;

import org.jspecify.annotations.NullMarked;
