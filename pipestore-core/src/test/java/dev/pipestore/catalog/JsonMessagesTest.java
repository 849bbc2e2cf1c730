package dev.pipestore.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipestore.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Refusals of malformed JSON say what is wrong in JSON's terms, never which Jackson setting would allow it, and quote
 * what they refuse at a readable length.
 */
class JsonMessagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NaN                | Non-standard token 'NaN'",
        "{\"a\":+1}         | JSON spec does not allow numbers to have plus signs",
        "/* note */ {}      | maybe a (non-standard) comment?",
        "{'a':1}            | was expecting double-quote to start field name"})
    void malformedJsonIsDescribedWithoutParserSettings(String json, String expected) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> Metadata.readUserInput(json));

        assertThat(Metadata.describe(e)).contains(expected).contains("at line 1").doesNotContain("Feature").doesNotContain("enable");
    }

    @Test
    void aSegmentTimeTooLargeToReadIsQuotedShort() throws Exception {
        var metadata = (ObjectNode) Metadata.readUserInput(
                "{\"segments\": [{\"start\": 0, \"end\": 1" + "0".repeat(400) + ", \"text\": \"x\"}]}");

        var e = catchThrowableOfType(InvalidInputException.class, () -> Segments.fromMetadata(metadata));

        assertThat(e.field()).isEqualTo("segments[0].end");
        assertThat(e.getMessage()).contains("(401 characters)").hasSizeLessThan(200);
    }
}
