/** Internals of the report (HTML escaping, SVG charts); not API. */
@NullMarked
package io.sitelens.report.internal;

import org.jspecify.annotations.NullMarked;
