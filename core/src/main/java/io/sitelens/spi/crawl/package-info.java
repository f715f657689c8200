@NullMarked
package io.sitelens.spi.crawl;

import org.jspecify.annotations.NullMarked;
