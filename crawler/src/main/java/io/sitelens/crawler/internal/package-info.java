/** The crawler's engine: not API. */
@NullMarked
package io.sitelens.crawler.internal;

import org.jspecify.annotations.NullMarked;
