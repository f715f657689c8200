@NullMarked
package io.sitelens.spi.storage;

import org.jspecify.annotations.NullMarked;
