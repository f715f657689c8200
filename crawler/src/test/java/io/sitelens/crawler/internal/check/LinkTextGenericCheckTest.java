package io.sitelens.crawler.internal.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkTextGenericCheckTest {
    @Test
    void generic_phrases_count_whatever_their_case_spacing_and_trailing_marks() {
        assertThat(LinkTextGenericCheck.isGeneric("Read more »")).isTrue();
        assertThat(LinkTextGenericCheck.isGeneric("  Click here → ")).isTrue();
        assertThat(LinkTextGenericCheck.isGeneric("here.")).isTrue();
        assertThat(LinkTextGenericCheck.isGeneric("En savoir plus...")).isTrue();
        assertThat(LinkTextGenericCheck.isGeneric("more:\u00a0")).isTrue();
    }

    @Test
    void descriptive_texts_do_not() {
        assertThat(LinkTextGenericCheck.isGeneric("hereby")).isFalse();
        assertThat(LinkTextGenericCheck.isGeneric("Read more about pricing")).isFalse();
        assertThat(LinkTextGenericCheck.isGeneric("")).isFalse();
        assertThat(LinkTextGenericCheck.isGeneric("x".repeat(500))).isFalse();
    }
}
