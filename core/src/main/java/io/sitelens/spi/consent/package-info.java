@NullMarked
package io.sitelens.spi.consent;

import org.jspecify.annotations.NullMarked;
