/**
 * The opt-in behaviour collector: {@link io.sitelens.collector.Collector} validates and stores batches from the
 * {@code sitelens.js} tracker under the host's consent policy, never storing an IP address, a user-agent string
 * or a form value; {@link io.sitelens.collector.CollectorServer} serves it over the JDK's HTTP server;
 * {@link io.sitelens.collector.SnowplowSink} forwards events to a Snowplow collector;
 * {@link io.sitelens.collector.BehaviourPrivacyHandler} exports and erases a visitor's behaviour data.
 */
@NullMarked
package io.sitelens.collector;

import org.jspecify.annotations.NullMarked;
