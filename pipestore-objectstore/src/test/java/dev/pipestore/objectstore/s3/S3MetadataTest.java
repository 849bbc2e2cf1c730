package dev.pipestore.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How metadata values cross S3's US-ASCII-only headers; the contract suite checks the round trip against a server. */
class S3MetadataTest {

    @Test
    void printableAsciiGoesUnchangedSoOtherToolsCanReadIt() {
        assertThat(S3Metadata.encode("take 1.wav")).isEqualTo("take 1.wav");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Müller.wav", " leading", "trailing ", "=?looks encoded", "tab\there", "東京", "😀"})
    void valuesHeadersCannotCarryAreEncodedAsRfc2047WordsAndComeBack(String value) {
        String encoded = S3Metadata.encode(value);

        assertThat(encoded).startsWith("=?UTF-8?B?").endsWith("?=").matches("[\\x21-\\x7e]+");
        assertThat(S3Metadata.decode(encoded)).isEqualTo(value);
    }

    /** AWS S3 decodes RFC 2047 values on arrival and may return them re-encoded, split into words, or Q-encoded. */
    @Test
    void decodesTheFormsAwsMayReturn() {
        assertThat(S3Metadata.decode("=?UTF-8?B?TcO8bGxl?= =?UTF-8?B?ci53YXY=?=")).isEqualTo("Müller.wav");
        assertThat(S3Metadata.decode("=?utf-8?Q?M=C3=BCller_1.wav?=")).isEqualTo("Müller 1.wav");
    }

    @Test
    void valuesThatOnlyLookEncodedStayAsTheyAre() {
        assertThat(S3Metadata.decode("=?UTF-8?B?not base64!?=")).isEqualTo("=?UTF-8?B?not base64!?=");
        assertThat(S3Metadata.decode("=?ISO-8859-1?B?TfxsbGVy?=")).isEqualTo("=?ISO-8859-1?B?TfxsbGVy?=");
        assertThat(S3Metadata.decode("plain =?UTF-8?B?eA==?=")).isEqualTo("plain =?UTF-8?B?eA==?=");
    }

    @Test
    void theStoresChecksumTravelsAsMetadataButIsNotTheCallers() {
        Map<String, String> headers = S3Metadata.toHeaders(Map.of("language", "de"), "ab12");

        assertThat(headers).containsEntry("pipestore-sha256", "ab12").containsEntry("language", "de");
        assertThat(S3Metadata.fromHeaders(headers)).isEqualTo(Map.of("language", "de"));
    }
}
