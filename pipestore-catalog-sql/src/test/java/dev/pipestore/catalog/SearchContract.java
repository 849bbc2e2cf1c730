package dev.pipestore.catalog;

import static dev.pipestore.catalog.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipestore.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contract of {@link Search} every backend keeps: ranking, filters, translations, safe snippets. */
interface SearchContract extends UsesCatalog {

    /** What a backend's search understands beyond the common contract (docs/SEARCH.md). */
    record Features(boolean stemming, boolean phrasesAndExclusions) {}

    Features searchFeatures();

    default AudioFile searchAudio() {
        return catalog().audioFiles().insert(Samples.audio());
    }

    default Transcription transcribe(AudioFile audio, String content, String language, String model, long secondsAfterT0) {
        return catalog().transcriptions().insert(new Transcription(UUID.randomUUID(), audio.id(), content, language, 0.9,
                at(secondsAfterT0), model, null, at(secondsAfterT0), null));
    }

    default Translation translate(Transcription source, String content, String target, long secondsAfterT0) {
        return catalog().translations().insert(new Translation(UUID.randomUUID(), source.id(), content, source.language(),
                target, 0.8, at(secondsAfterT0), "nllb-1", null, at(secondsAfterT0), null));
    }

    default List<SearchHit> search(SearchQuery query) {
        return catalog().search().search(query);
    }

    default List<UUID> hitIds(SearchQuery query) {
        return search(query).stream().map(SearchHit::id).toList();
    }

    @Test
    default void aTextMentioningTheWordMoreOftenRanksHigher() {
        AudioFile audio = searchAudio();
        Transcription once = transcribe(audio, "The forecast says the weather stays mild today.", "en", "w-1", 1);
        Transcription often = transcribe(audio, "Weather, weather and more weather: the weather report.", "en", "w-1", 2);
        transcribe(audio, "Nothing of interest was said in this recording.", "en", "w-1", 3);

        List<SearchHit> hits = search(SearchQuery.of("weather"));

        assertThat(hits).extracting(SearchHit::id).containsExactly(often.id(), once.id());
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
        assertThat(hits.get(0)).satisfies(hit -> {
            assertThat(hit.kind()).isEqualTo(SearchHit.Kind.TRANSCRIPTION);
            assertThat(hit.audioFileId()).isEqualTo(audio.id());
            assertThat(hit.transcriptionId()).isNull();
            assertThat(hit.language()).isEqualTo("en");
            assertThat(hit.modelVersion()).isEqualTo("w-1");
            assertThat(hit.createdAt()).isEqualTo(at(2));
        });
    }

    /** PostgreSQL's JDBC driver switches to binary results after five runs of a statement: the score must not change. */
    @Test
    default void aHitsScoreIsTheSameEveryTimeTheSearchRuns() {
        AudioFile audio = searchAudio();
        transcribe(audio, "a storm warning for the coast, the storm is near", "en", "w-1", 1);

        List<Double> scores = java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> search(SearchQuery.of("storm")).get(0).score()).toList();

        assertThat(scores).as("12 runs of one search").containsOnly(scores.get(0));
    }

    @Test
    default void theLanguageFilterTakesRegionalFormsOfAPlainLanguageOnly() {
        AudioFile audio = searchAudio();
        Transcription english = transcribe(audio, "the pipeline stores audio", "en", "w-1", 1);
        Transcription american = transcribe(audio, "the pipeline stores audio files", "en-US", "w-1", 2);
        Transcription german = transcribe(audio, "die Pipeline speichert Audio", "de", "w-1", 3);
        transcribe(audio, "the pipeline without a language", null, "w-1", 4);

        assertThat(hitIds(SearchQuery.of("pipeline").withLanguage("en"))).containsExactlyInAnyOrder(english.id(), american.id());
        assertThat(hitIds(SearchQuery.of("pipeline").withLanguage("EN-us"))).containsExactly(american.id());
        assertThat(hitIds(SearchQuery.of("pipeline").withLanguage("de"))).containsExactly(german.id());
        assertThat(hitIds(SearchQuery.of("pipeline"))).hasSize(4);
    }

    @Test
    default void modelVersionAndCreationTimeFilterTheHits() {
        AudioFile audio = searchAudio();
        Transcription early = transcribe(audio, "microphone check one two", "en", "whisper-v2", 10);
        Transcription late = transcribe(audio, "microphone check again", "en", "whisper-v3", 20);
        Transcription latest = transcribe(audio, "final microphone check", "en", "whisper-v3", 30);

        assertThat(hitIds(SearchQuery.of("microphone").withModelVersion("whisper-v3")))
                .containsExactlyInAnyOrder(late.id(), latest.id());
        assertThat(hitIds(SearchQuery.of("microphone").createdBetween(at(10), at(30))))
                .containsExactlyInAnyOrder(early.id(), late.id());
        assertThat(hitIds(SearchQuery.of("microphone").createdBetween(at(20), null).withModelVersion("whisper-v2"))).isEmpty();
    }

    @Test
    default void translationsAreFoundWithTheirTranscriptionAndAudioFile() {
        AudioFile audio = searchAudio();
        Transcription source = transcribe(audio, "good morning, here is the traffic report", "en", "w-1", 1);
        Translation german = translate(source, "Guten Morgen, hier ist der Verkehrsbericht", "de", 2);

        List<SearchHit> hits = search(SearchQuery.of("Verkehrsbericht"));

        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.kind()).isEqualTo(SearchHit.Kind.TRANSLATION);
            assertThat(hit.id()).isEqualTo(german.id());
            assertThat(hit.transcriptionId()).isEqualTo(source.id());
            assertThat(hit.audioFileId()).isEqualTo(audio.id());
            assertThat(hit.language()).isEqualTo("de");
            assertThat(hit.modelVersion()).isEqualTo("nllb-1");
            assertThat(hit.snippet()).contains("<b>Verkehrsbericht</b>");
        });
        assertThat(hitIds(SearchQuery.of("Verkehrsbericht").withLanguage("en"))).isEmpty();
    }

    @Test
    default void transcriptionsAndTranslationsAreMergedBestFirstWithinTheLimit() {
        AudioFile audio = searchAudio();
        Transcription source = transcribe(audio, "orchestra orchestra orchestra rehearsal", "en", "w-1", 1);
        translate(source, "the orchestra plays", "en", 2);
        for (int i = 0; i < 4; i++) {
            transcribe(audio, "an orchestra in hall " + i + " with many other words around it", "en", "w-1", 3 + i);
        }

        List<SearchHit> hits = search(SearchQuery.of("orchestra").withLimit(3));

        assertThat(hits).hasSize(3);
        assertThat(hits.get(0).id()).isEqualTo(source.id());
        assertThat(hits).extracting(SearchHit::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(search(SearchQuery.of("orchestra"))).hasSize(6);
    }

    @Test
    default void pagesVisitEveryHitOnceInRankOrder() {
        AudioFile audio = searchAudio();
        for (int i = 0; i < 4; i++) {
            Transcription source = transcribe(audio, "a quokka " + "quokka ".repeat(i % 2) + "in the park, take " + i, "en", "w-1", i);
            translate(source, "ein quokka im Park, Aufnahme " + i, "de", 10 + i);
        }
        SearchQuery firstPage = SearchQuery.of("quokka").withLimit(3);
        List<UUID> all = hitIds(SearchQuery.of("quokka").withLimit(10));

        List<UUID> paged = new ArrayList<>();
        int pages = 0;
        for (SearchQuery query = firstPage; query != null; pages++) {
            Page<SearchHit> page = catalog().search().page(query);
            page.items().forEach(hit -> paged.add(hit.id()));
            query = page.nextCursor() == null ? null : firstPage.after(page.nextCursor());
        }

        assertThat(all).hasSize(8);
        assertThat(paged).isEqualTo(all);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    default void pagesEndAtTheDepthLimitAndRefuseForeignCursors() {
        SearchQuery query = SearchQuery.of("anything");

        assertThatThrownBy(() -> query.after("not-a-cursor"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        assertThatThrownBy(() -> query.after(new Cursor(at(1), UUID.randomUUID()).encode()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        assertThatThrownBy(() -> query.withOffset(SearchQuery.MAX_DEPTH))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        SearchQuery last = query.withLimit(100).withOffset(SearchQuery.MAX_DEPTH - 100);
        assertThat(last.nextCursor()).as("no page beyond the depth").isNull();
        assertThat(catalog().search().page(SearchQuery.of("-only -exclusions"))).isEqualTo(new Page<SearchHit>(List.of(), null));
    }

    @Test
    default void snippetsMarkTheMatchAndEscapeEverythingElse() {
        AudioFile audio = searchAudio();
        transcribe(audio, "Tom & Jerry say \"hi\" <script>alert('x')</script> and chase the mouse", "en", "w-1", 1);

        String snippet = search(SearchQuery.of("mouse")).get(0).snippet();

        assertThat(snippet).contains("<b>mouse</b>").contains("Tom &amp; Jerry").doesNotContain("<script");
        assertThat(snippet.replace("<b>", "").replace("</b>", "")).doesNotContain("<", ">", "\"");
    }

    @Test
    default void snippetsOfShortTextsCarryNoOuterWhitespace() {
        AudioFile audio = searchAudio();
        transcribe(audio, "\n  the harbour lights  \n", "en", "w-1", 1);

        String snippet = search(SearchQuery.of("harbour")).get(0).snippet();

        assertThat(snippet).contains("<b>harbour</b>").doesNotStartWith(" ").doesNotStartWith("\n").doesNotEndWith("\n")
                .doesNotEndWith(" ");
    }

    @Test
    default void snippetsOfLongTextsShowTheMatchNotTheWholeText() {
        AudioFile audio = searchAudio();
        String filler = "lorem ipsum dolor sit amet ".repeat(200);
        transcribe(audio, filler + "the lighthouse keeper waved " + filler, "en", "w-1", 1);

        String snippet = search(SearchQuery.of("lighthouse")).get(0).snippet();

        assertThat(snippet).contains("<b>lighthouse</b>").hasSizeLessThan(600);
    }

    @Test
    default void textsWrittenByOtherToolsAreSearchableAndDeletedOnesAreNot() throws java.sql.SQLException {
        AudioFile audio = searchAudio();
        UUID id = UUID.randomUUID();
        try (var connection = ((CatalogContract) this).connect(); var statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO transcriptions (id, audio_file_id, content, language) VALUES ('" + id + "', '"
                    + audio.id() + "', 'a zebra crossed the road', 'en')");
            assertThat(hitIds(SearchQuery.of("zebra"))).containsExactly(id);

            statement.executeUpdate("UPDATE transcriptions SET content = 'a giraffe crossed the road' WHERE id = '" + id + "'");
            assertThat(hitIds(SearchQuery.of("zebra"))).isEmpty();
            assertThat(hitIds(SearchQuery.of("giraffe"))).containsExactly(id);

            statement.executeUpdate("DELETE FROM transcriptions WHERE id = '" + id + "'");
        }
        assertThat(hitIds(SearchQuery.of("giraffe"))).isEmpty();
    }

    /** A hyphen inside a word is not an exclusion, and each backend's way of indexing a_b and a-b finds them. */
    @Test
    default void wordsJoinedByHyphensOrUnderscoresAreFoundAsTyped() {
        AudioFile audio = searchAudio();
        Transcription shirts = transcribe(audio, "the t-shirt and the x-ray arrived by e-mail", "en", "w-1", 1);
        Transcription code = transcribe(audio, "rename the snake_case_word before the well-known release", "en", "w-1", 2);

        assertThat(hitIds(SearchQuery.of("x-ray"))).containsExactly(shirts.id());
        assertThat(hitIds(SearchQuery.of("e-mail"))).containsExactly(shirts.id());
        assertThat(hitIds(SearchQuery.of("snake_case_word"))).containsExactly(code.id());
        assertThat(hitIds(SearchQuery.of("well-known"))).containsExactly(code.id());
    }

    @Test
    default void snippetsMarkMatchesThatDifferInCaseBeyondAscii() {
        AudioFile audio = searchAudio();
        transcribe(audio, "Die Gärten von Zürich", "de", "w-1", 1);

        String snippet = search(SearchQuery.of("ZÜRICH")).get(0).snippet();

        assertThat(snippet).contains("<b>Zürich</b>");
    }

    @Test
    default void stemmingFindsOtherFormsOfAWordWhereTheBackendStems() {
        AudioFile audio = searchAudio();
        Transcription runs = transcribe(audio, "she runs every morning", "en", "w-1", 1);

        List<UUID> hits = hitIds(SearchQuery.of("running"));

        if (searchFeatures().stemming()) {
            assertThat(hits).containsExactly(runs.id());
        } else {
            assertThat(hits).isEmpty();
        }
        assertThat(hitIds(SearchQuery.of("RUNS"))).containsExactly(runs.id());
    }

    @Test
    default void phrasesAndExclusionsWhereTheBackendHonoursThem() {
        AudioFile audio = searchAudio();
        Transcription sunnyWeather = transcribe(audio, "sunny weather ahead for the weekend", "en", "w-1", 1);
        Transcription rainyWeather = transcribe(audio, "weather turns rainy and cold, not sunny", "en", "w-1", 2);
        transcribe(audio, "unrelated chatter about football", "en", "w-1", 3);

        List<UUID> phrase = hitIds(SearchQuery.of("\"sunny weather\""));
        List<UUID> excluding = hitIds(SearchQuery.of("weather -rainy"));

        if (searchFeatures().phrasesAndExclusions()) {
            assertThat(phrase).containsExactly(sunnyWeather.id());
            assertThat(excluding).containsExactly(sunnyWeather.id());
        } else {
            assertThat(phrase).containsExactlyInAnyOrder(sunnyWeather.id(), rainyWeather.id());
            assertThat(excluding).contains(sunnyWeather.id());
        }
    }
}
