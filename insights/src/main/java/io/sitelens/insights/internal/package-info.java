/** Implementation of the insight providers; not API. */
@NullMarked
package io.sitelens.insights.internal;

import org.jspecify.annotations.NullMarked;
