/** Internals of the file connector (CSV reading, header vocabulary, aggregation); not API. */
@NullMarked
package io.sitelens.connector.file.internal;

import org.jspecify.annotations.NullMarked;
