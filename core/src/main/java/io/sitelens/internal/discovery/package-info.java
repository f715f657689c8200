@NullMarked
package io.sitelens.internal.discovery;

import org.jspecify.annotations.NullMarked;
