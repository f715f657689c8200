@NullMarked
package io.sitelens.spi.connector;

import org.jspecify.annotations.NullMarked;
