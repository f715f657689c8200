@NullMarked
package io.sitelens.internal.storage;

import org.jspecify.annotations.NullMarked;
