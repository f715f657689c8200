/**
 * The {@code file} connector: analytics exports in CSV files (a date column, an optional page column and one
 * column per metric) answered as a {@link io.sitelens.spi.connector.MetricConnector}, for sites without API
 * access and for the offline demo. See {@link FileConnectorFactory} for the settings.
 */
@NullMarked
package io.sitelens.connector.file;

import org.jspecify.annotations.NullMarked;
