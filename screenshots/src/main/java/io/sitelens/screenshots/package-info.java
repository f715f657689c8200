/** Screenshots and rendered-page metrics in headless Chromium, behind an address-checking proxy. */
@NullMarked
package io.sitelens.screenshots;

import org.jspecify.annotations.NullMarked;
