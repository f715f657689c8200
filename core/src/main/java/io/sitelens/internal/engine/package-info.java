@NullMarked
package io.sitelens.internal.engine;

import org.jspecify.annotations.NullMarked;
