package dev.pipestore.catalog.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading web-search syntax into words, phrases, exclusions and alternatives, and writing it as FTS5 strings. */
class SearchTermsTest {

    private static String fts5(String query) {
        return SqliteFullText.expression(SearchTerms.parse(query));
    }

    @Test
    void wordsAreQuotedAndAllRequired() {
        assertThat(fts5("weather report")).isEqualTo("(\"weather\" \"report\")");
    }

    @Test
    void quotedWordsBecomeOnePhraseAndAnUnclosedQuoteRunsToTheEnd() {
        assertThat(fts5("\"sunny weather\" today")).isEqualTo("(\"sunny weather\" \"today\")");
        assertThat(fts5("today \"sunny weather")).isEqualTo("(\"today\" \"sunny weather\")");
    }

    @Test
    void aLeadingMinusExcludesAndOrSeparatesAlternatives() {
        assertThat(fts5("weather -rain")).isEqualTo("(\"weather\" NOT \"rain\")");
        assertThat(fts5("rain OR snow wind")).isEqualTo("(\"rain\") OR (\"snow\" \"wind\")");
        assertThat(fts5("rain or -\"heavy snow\" wind")).isEqualTo("(\"rain\") OR (\"wind\" NOT \"heavy snow\")");
    }

    /** {@code t-shirt} is one term: its hyphen is not an exclusion, as in websearch_to_tsquery. */
    @Test
    void wordsJoinedByAHyphenOrUnderscoreAreOnePhraseAndOnlyALeadingMinusExcludes() {
        assertThat(fts5("t-shirt")).isEqualTo("(\"t shirt\")");
        assertThat(fts5("well-known -e-mail")).isEqualTo("(\"well known\" NOT \"e mail\")");
        assertThat(fts5("snake_case_word")).isEqualTo("(\"snake case word\")");
        assertThat(fts5("a--b")).isEqualTo("(\"a\" NOT \"b\")");
        assertThat(SearchTerms.parse("snake_case x-y_z \"more_words here\" -not_this").wantedUnderscored())
                .containsExactly("snake_case", "y_z", "more_words");
    }

    @Test
    void operatorsAndPunctuationOfTheDatabaseAreOnlySeparators() {
        assertThat(fts5("NEAR(a b) AND c* ^d content:e")).isEqualTo("(\"NEAR\" \"a\" \"b\" \"AND\" \"c\" \"d\" \"content\" \"e\")");
        assertThat(fts5("'; DROP TABLE x; --")).isEqualTo("(\"DROP\" \"TABLE\" \"x\")");
    }

    @Test
    void nothingButSymbolsOrExclusionsLeavesNothingToSearch() {
        assertThat(SearchTerms.parse("😀 !!! () \"\" - ").isEmpty()).isTrue();
        assertThat(SearchTerms.parse("-rain -snow").isEmpty()).isTrue();
        assertThat(SearchTerms.parse("OR").isEmpty()).isFalse();
    }

    @Test
    void lettersOfEveryScriptAndCombiningMarksStayInTheirWord() {
        assertThat(SearchTerms.words("naïve e\u0301t\u00e9 天气 الطقس 😀x")).containsExactly("naïve", "e\u0301t\u00e9", "天气", "الطقس", "x");
        assertThat(SearchTerms.parse("Grüße OR grüsse -Tschüss").wantedWords()).containsExactly("grüße", "grüsse");
    }
}
