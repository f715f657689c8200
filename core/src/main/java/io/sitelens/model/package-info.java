@NullMarked
package io.sitelens.model;

import org.jspecify.annotations.NullMarked;
