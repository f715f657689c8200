/** The built-in page checks, one class per check id: not API (use them through {@code CrawlerPlugin}). */
@NullMarked
package io.sitelens.crawler.internal.check;

import org.jspecify.annotations.NullMarked;
