/** Internals of the privacy module; not API. */
@NullMarked
package io.sitelens.privacy.internal;

import org.jspecify.annotations.NullMarked;
