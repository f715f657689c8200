@NullMarked
package io.sitelens.spi.insight;

import org.jspecify.annotations.NullMarked;
