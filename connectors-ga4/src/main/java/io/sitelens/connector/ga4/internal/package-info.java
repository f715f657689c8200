/** Implementation of the GA4 connector; not API. */
@NullMarked
package io.sitelens.connector.ga4.internal;

import org.jspecify.annotations.NullMarked;
