/** Forwarding collected behaviour events to other systems (a host's own Snowplow pipeline, a queue). */
@NullMarked
package io.sitelens.spi.sink;

import org.jspecify.annotations.NullMarked;
