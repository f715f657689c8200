/** Not API: validation, visitor ids, sessions, user agents, GeoIP, rate limits and insight providers. */
@NullMarked
package io.sitelens.collector.internal;

import org.jspecify.annotations.NullMarked;
