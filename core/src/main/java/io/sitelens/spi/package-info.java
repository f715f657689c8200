@NullMarked
package io.sitelens.spi;

import org.jspecify.annotations.NullMarked;
