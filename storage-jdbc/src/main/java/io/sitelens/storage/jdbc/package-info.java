/**
 * The {@link io.sitelens.spi.storage.StorageAdapter} over JDBC: an embedded H2 database in a directory (the
 * default, no server needed, a second process may open it at the same time) or PostgreSQL (shared by many
 * processes and machines). Start from {@link io.sitelens.storage.jdbc.JdbcStorage}.
 */
@NullMarked
package io.sitelens.storage.jdbc;

import org.jspecify.annotations.NullMarked;
