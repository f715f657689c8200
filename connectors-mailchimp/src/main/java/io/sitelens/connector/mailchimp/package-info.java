/**
 * The Mailchimp privacy handler: data-subject rights (access, portability, objection to marketing,
 * permanent erasure, rectification) carried out on Mailchimp audiences through the Marketing API 3.0.
 * Register a binding with provider id {@code mailchimp}; see {@link io.sitelens.connector.mailchimp.MailchimpConfig}
 * for its settings.
 */
@NullMarked
package io.sitelens.connector.mailchimp;

import org.jspecify.annotations.NullMarked;
