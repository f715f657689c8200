@NullMarked
package io.sitelens.spi.privacy;

import org.jspecify.annotations.NullMarked;
