package dev.pipestore.catalog.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Snippets cut in Java (for MariaDB): around the first match, escaped, whole words only. */
class TextSnippetsTest {

    @Test
    void aShortTextIsShownWholeWithEveryMatchInBold() {
        assertThat(TextSnippets.around("Rain & wind, more RAIN <later>", List.of("rain")))
                .isEqualTo("<b>Rain</b> &amp; wind, more <b>RAIN</b> &lt;later&gt;");
    }

    @Test
    void partsOfLongerWordsAreNotMatches() {
        assertThat(TextSnippets.around("rainbow and drain, then rain", List.of("rain"))).isEqualTo("rainbow and drain, then <b>rain</b>");
    }

    /** MariaDB's collations match case and accents aside, and ß as ss: the marks must fall on what it matched. */
    @Test
    void matchesAreMarkedAsTheCollationComparesThemWithTheOriginalSpellingKept() {
        assertThat(TextSnippets.around("Die Gärten an der Straße in Zürich", List.of("garten", "strasse", "zurich")))
                .isEqualTo("Die <b>Gärten</b> an der <b>Straße</b> in <b>Zürich</b>");
        assertThat(TextSnippets.around("İstanbul and ISTANBUL", List.of("i̇stanbul"))).isEqualTo("<b>İstanbul</b> and <b>ISTANBUL</b>");
        assertThat(TextSnippets.around("a cafe\u0301 and a café", List.of("CAFÉ")))
                .as("a decomposed accent stays inside the mark").isEqualTo("a <b>cafe\u0301</b> and a <b>café</b>");
    }

    @Test
    void aFoldedMatchFarIntoALongTextIsWhatTheSnippetShows() {
        String text = "lorem ipsum ".repeat(200) + "an der Königsstraße wohnt " + "dolor sit ".repeat(50);

        assertThat(TextSnippets.around(text, List.of("konigsstrasse"))).contains("an der <b>Königsstraße</b> wohnt");
    }

    @Test
    void aLongTextIsCutAroundTheFirstMatchAtWordBoundaries() {
        String text = "lorem ipsum ".repeat(50) + "the lighthouse keeper " + "dolor sit ".repeat(50);

        String snippet = TextSnippets.around(text, List.of("lighthouse"));

        assertThat(snippet).startsWith("…").endsWith("…").contains("the <b>lighthouse</b> keeper");
        assertThat(snippet.length()).isLessThan(TextSnippets.LENGTH + 60);
        assertThat(snippet.substring(1)).matches("(lorem|ipsum) .*").doesNotEndWith(" …");
    }

    @Test
    void withoutAMatchTheTextBeginningIsShown() {
        assertThat(TextSnippets.around("x".repeat(500), List.of("absent"))).hasSizeLessThan(300).endsWith("…");
        assertThat(TextSnippets.around("short text", List.of())).isEqualTo("short text");
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String text = "😀".repeat(300) + " target " + "😀".repeat(300);

        String snippet = TextSnippets.around(text, List.of("target"));

        assertThat(snippet).contains("<b>target</b>");
        assertThat(snippet.codePoints().filter(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE).count()).isZero();
    }
}
