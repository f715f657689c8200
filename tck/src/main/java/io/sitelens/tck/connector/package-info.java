/** The metric-connector contract kit. */
@NullMarked
package io.sitelens.tck.connector;

import org.jspecify.annotations.NullMarked;
