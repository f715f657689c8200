/** The plugin packaging contract kit. */
@NullMarked
package io.sitelens.tck.plugin;

import org.jspecify.annotations.NullMarked;
