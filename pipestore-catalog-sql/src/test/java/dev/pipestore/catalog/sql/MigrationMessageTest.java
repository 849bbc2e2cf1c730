package dev.pipestore.catalog.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A failed migration is reported on one line that still says why: Flyway's first line alone does not. */
class MigrationMessageTest {

    @Test
    void flywaysLinesAreJoinedWithoutTheRule() {
        String flyway = """
                Migration V11__canonical_language_tags failed
                ---------------------------------------------
                SQL State  : 22001
                Error Code : 0
                Message    : value too long for type character varying(35)
                """;

        assertThat(Migrations.oneLine(flyway)).isEqualTo("Migration V11__canonical_language_tags failed; SQL State  : 22001;"
                + " Error Code : 0; Message    : value too long for type character varying(35)");
    }
}
