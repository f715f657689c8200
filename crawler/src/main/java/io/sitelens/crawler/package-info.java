/**
 * The sitelens crawler: fetches a site's pages and resources with per-host politeness, runs every
 * {@link io.sitelens.spi.crawl.PageCheck}, detects analytics tags and stores what it found through a
 * {@link io.sitelens.spi.storage.StorageAdapter}. Start with {@link io.sitelens.crawler.Crawler#builder()}.
 */
@NullMarked
package io.sitelens.crawler;

import org.jspecify.annotations.NullMarked;
