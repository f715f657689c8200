/** The in-memory {@link io.sitelens.spi.storage.StorageAdapter}, for tests and small embeddings. */
@NullMarked
package io.sitelens.memory;

import org.jspecify.annotations.NullMarked;
