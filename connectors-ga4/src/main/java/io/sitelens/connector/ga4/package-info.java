/**
 * The Google Analytics 4 connector: {@link io.sitelens.connector.ga4.Ga4Plugin} registers the {@code ga4}
 * metric connector (GA4 Data API v1beta over the HTTP/JSON transport) and the GA4 user-deletion privacy
 * handler (Admin API v1alpha).
 */
@NullMarked
package io.sitelens.connector.ga4;

import org.jspecify.annotations.NullMarked;
