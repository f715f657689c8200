/** The privacy-handler contract kit. */
@NullMarked
package io.sitelens.tck.privacy;

import org.jspecify.annotations.NullMarked;
