/** Internals of the Mailchimp handler (HTTP transport, API calls, member records). Not API. */
@NullMarked
package io.sitelens.connector.mailchimp.internal;

import org.jspecify.annotations.NullMarked;
