/** Internals of the GTM connector; not API. */
@NullMarked
package io.sitelens.connector.gtm.internal;

import org.jspecify.annotations.NullMarked;
