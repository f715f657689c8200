@NullMarked
package io.sitelens.spi.secret;

import org.jspecify.annotations.NullMarked;
