/** Implementation of the JDBC storage adapter. Not API: may change in any release. */
@NullMarked
package io.sitelens.storage.jdbc.internal;

import org.jspecify.annotations.NullMarked;
