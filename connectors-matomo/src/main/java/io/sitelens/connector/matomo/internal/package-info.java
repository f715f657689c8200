/** Internals of the Matomo connector; not API. */
@NullMarked
package io.sitelens.connector.matomo.internal;

import org.jspecify.annotations.NullMarked;
