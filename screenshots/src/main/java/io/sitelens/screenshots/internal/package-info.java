/** Not API. */
@NullMarked
package io.sitelens.screenshots.internal;

import org.jspecify.annotations.NullMarked;
