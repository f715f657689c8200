/**
 * The Google Tag Manager connector: reads a container (an export file or the Tag Manager API v2), turns it
 * into a {@link io.sitelens.model.TrackingPlan}, lints it ({@link GtmFinding}), reports it
 * ({@link GtmInspection}), and asks the project's GA4 binding how often each tracked event fired
 * ({@link GtmEventActivity}).
 */
@NullMarked
package io.sitelens.connector.gtm;

import org.jspecify.annotations.NullMarked;
