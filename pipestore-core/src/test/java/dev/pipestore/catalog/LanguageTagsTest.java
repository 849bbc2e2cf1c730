package dev.pipestore.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Language tags: every registered language is accepted, one language is stored under one tag, the rest is refused. */
class LanguageTagsTest {

    @ParameterizedTest(name = "{0} is stored as {1}")
    @CsvSource({
        "en, en", "EN-us, en-US", "en_GB, en-GB", "zh-Hant-TW, zh-Hant-TW", "es-419, es-419", "de-CH-1996, de-CH-1996",
        // languages with no two-letter code, and the special codes a pipeline needs for unknown or mixed speech
        "yue, yue", "yue-Hant-HK, yue-Hant-HK", "cmn-Hans-CN, cmn-Hans-CN", "fil, fil", "haw, haw", "ckb, ckb",
        "und, und", "mul, mul", "zxx, zxx", "qaa, qaa",
        // ISO 639-2 codes of languages BCP 47 writes with two letters, terminological and bibliographic
        "eng, en", "eng-US, en-US", "deu, de", "ger, de", "fre, fr", "zho-Hant, zh-Hant", "mol-MD, ro-MD",
        // extended-language, grandfathered and deprecated forms
        "zh-yue, yue", "zh-cmn-Hans, cmn-Hans", "i-klingon, tlh", "iw, he", "in, id", "mo, ro", "de-DD, de-DE",
        "en-BU, en-MM", "sl-rozaj-biske, sl-rozaj-biske", "en-u-ca-gregory, en-u-ca-gregory", "x-local, x-local",
        "en-GB-oed, en-GB-oxendict", "zh-min-nan, nan", "i-default, i-default", "en-x-a-x-b, en-x-a-x-b",
        // redundant tags with a preferred value, and private use kept as written (Locale reads x-lvariant as a variant)
        "sgn-DE, gsg", "sgn-US, ase", "de-x-lvariant-1996, de-x-lvariant-1996", "x-lvariant-foo, x-lvariant-foo",
        "und-x-foo, und-x-foo", "EN-US-X-Local, en-US-x-local"
    })
    void registeredTagsAreStoredInCanonicalForm(String given, String stored) {
        assertThat(LanguageTags.normaliseOrNull("language", given)).isEqualTo(stored);
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource(delimiter = '|', value = {
        "qq | language subtag 'qq'",
        "abcd | language subtag 'abcd'",
        "xyz | language subtag 'xyz'",
        "en-JX | region subtag 'JX'",
        "en-Abcd | script subtag 'Abcd'",
        "en-US-abcde | variant subtag 'abcde'",
        "klingon-xx | language subtag 'klingon'",
        "en--US | not a BCP 47 language tag",
        "e | not a BCP 47 language tag",
        "en-US-u | not a BCP 47 language tag",
        "fr-eng | has 'eng' where an extended language subtag goes",
        "de-cmn | extended language subtag 'cmn', which may only follow 'zh'",
        "en-yue | extended language subtag 'yue', which may only follow 'zh'",
        "zh-yue-yue | more than one extended language subtag",
        "de-1901-1901 | variant subtag '1901' twice",
        "en-u-ca-gregory-u-nu-latn | extension 'u' twice",
        "ja-Latn-hepburn-heploc-x-abcde-efgh | 36 characters in canonical form",
        "en-US-u-ca-gregory-nu-latn-cf-account | longer than the 35 characters stored",
        "en-x-toolongsubtag | after x-, subtags of 1 to 8 letters and digits"
    })
    void unregisteredOrMalformedTagsAreRefusedNamingTheSubtag(String given, String problem) {
        assertThatThrownBy(() -> LanguageTags.normaliseOrNull("language", given))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("language"))
                .hasMessageContaining("'" + given + "'")
                .hasMessageContaining(problem);
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"", " ", "en-US-with-a-tag-far-longer-than-any-language-needs"})
    void blankAndOverlongTagsAreRefused(String given) {
        assertThatThrownBy(() -> LanguageTags.normaliseOrNull("target_language", given))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("target_language"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"eng", "zh-yue"})
    void aRememberedTagIsAnsweredAsItWasTheFirstTime(String given) {
        String first = LanguageTags.normaliseOrNull("language", given);

        assertThat(LanguageTags.normaliseOrNull("language", given)).isEqualTo(first);
    }

    @ParameterizedTest(name = "{0} was stored, {1} is its registered part")
    @CsvSource(value = {"eng-JX, en", "de-Abcd-CH, de-CH", "en-US-abcde-1996, en-US-1996", "zh-yue, yue",
        "klingon, NULL", "en--US, NULL"}, nullValues = "NULL")
    void aTagStoredByAnEarlierVersionKeepsItsRegisteredPart(String stored, String registered) {
        assertThat(LanguageTags.registeredPartOrNull(stored)).isEqualTo(registered);
    }
}
