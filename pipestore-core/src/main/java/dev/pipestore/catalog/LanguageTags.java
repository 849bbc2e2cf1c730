package dev.pipestore.catalog;

import dev.pipestore.InvalidInputException;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Checks BCP 47 language tags ({@code en}, {@code en-US}, {@code zh-Hant-TW}) against the ISO 639 languages Java knows. */
public final class LanguageTags {

    /** The longest tag stored. */
    public static final int MAX_LENGTH = 35;

    private static final Set<String> TWO_LETTER = Set.of(Locale.getISOLanguages());
    private static final Set<String> THREE_LETTER = threeLetterLanguages();

    /** How many accepted tags {@link #CANONICAL} remembers; a store sees a handful, so this bounds only abuse. */
    static final int REMEMBERED = 1024;

    /**
     * Tags already accepted, with their canonical form: every record built checks its tag, and parsing one with
     * {@link Locale.Builder} costs far more than a look-up. Only accepted tags are kept, at most {@value #REMEMBERED}.
     */
    private static final ConcurrentMap<String, String> CANONICAL = new ConcurrentHashMap<>();

    private LanguageTags() {}

    /**
     * Returns the canonical form of {@code tag} ({@code EN-us} becomes {@code en-US}), or {@code null} for null.
     *
     * @throws InvalidInputException naming {@code field} when the tag is malformed or its language is unknown
     */
    public static String normaliseOrNull(String field, String tag) {
        if (tag == null) {
            return null;
        }
        String known = CANONICAL.get(tag);
        if (known != null) {
            return known;
        }
        String canonical = parse(field, tag);
        if (CANONICAL.size() < REMEMBERED) {
            CANONICAL.putIfAbsent(tag, canonical);
        }
        return canonical;
    }

    private static String parse(String field, String tag) {
        if (tag.isBlank() || tag.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "'" + tag + "' is not a BCP 47 language tag");
        }
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag.replace('_', '-')).build();
        } catch (IllformedLocaleException e) {
            throw new InvalidInputException(field, "'" + tag + "' is not a BCP 47 language tag: " + e.getMessage(), e);
        }
        String language = locale.getLanguage();
        if (!TWO_LETTER.contains(language) && !THREE_LETTER.contains(language)) {
            throw new InvalidInputException(field, "'" + tag + "' names no known ISO 639 language");
        }
        return locale.toLanguageTag();
    }

    private static Set<String> threeLetterLanguages() {
        // Locale only lists ISO 639 codes through ISO 3166 look-alikes; ask each 2-letter language for its 3-letter form.
        var result = new java.util.HashSet<String>();
        for (String two : Locale.getISOLanguages()) {
            try {
                result.add(Locale.of(two).getISO3Language());
            } catch (java.util.MissingResourceException e) {
                // no 3-letter form: the 2-letter one covers it
            }
        }
        return Set.copyOf(result);
    }
}
