/** The storage contract kit: extend {@link io.sitelens.tck.storage.StorageAdapterContract} to check an adapter. */
@NullMarked
package io.sitelens.tck.storage;

import org.jspecify.annotations.NullMarked;
