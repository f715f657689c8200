/** The {@link io.sitelens.Sitelens} facade, its builder, the exception type and error codes. */
@NullMarked
package io.sitelens;

import org.jspecify.annotations.NullMarked;
