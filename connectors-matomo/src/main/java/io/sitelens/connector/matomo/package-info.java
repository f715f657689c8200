/**
 * The Matomo connector: a {@link io.sitelens.spi.connector.MetricConnector} over Matomo's Reporting API
 * (bulk requests, paging, canonical metrics) and a {@link io.sitelens.spi.privacy.PrivacyRightsHandler} over
 * its GDPR tools. Registered through {@link io.sitelens.connector.matomo.MatomoPlugin}.
 */
@NullMarked
package io.sitelens.connector.matomo;

import org.jspecify.annotations.NullMarked;
