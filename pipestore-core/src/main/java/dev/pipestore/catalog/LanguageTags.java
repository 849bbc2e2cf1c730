package dev.pipestore.catalog;

import dev.pipestore.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * Checks BCP 47 language tags ({@code en}, {@code en-US}, {@code yue-Hant-HK}) and stores them in canonical form.
 *
 * <p>A tag is accepted when it is well formed and valid: each of its language, extended language, script, region and
 * variant subtags is in the IANA Language Subtag Registry (a copy ships as {@code language-subtags.txt}, made by
 * {@code scripts/language-subtags}), an extended language follows the language the registry names for it, and no
 * variant or extension appears twice; underscores are read as hyphens ({@code en_US}). Canonical form is RFC 5646's: case by subtag kind ({@code EN-latn-us} becomes
 * {@code en-Latn-US}), extended-language and grandfathered forms replaced ({@code zh-yue} becomes {@code yue}), and
 * deprecated subtags replaced by their preferred value ({@code iw} becomes {@code he}). Pipelines that emit ISO 639-2
 * codes ({@code eng}, {@code deu}, {@code ger}) get the two-letter code BCP 47 uses for those languages, so one
 * language is stored under one tag and a filter on {@code en} finds it.
 */
public final class LanguageTags {

    /** The longest tag stored. */
    public static final int MAX_LENGTH = 35;

    private static final String TABLE = "language-subtags.txt";
    private static final Pattern PRIVATE_USE = Pattern.compile("x(-[a-z0-9]{1,8})+");

    private static final Map<Character, String> KIND_NAMES =
            Map.of('l', "language", 's', "script", 'r', "region", 'v', "variant");

    /**
     * Per kind, subtag (lower case) to the subtag it is stored as (lower case): l(anguage), s(cript), r(egion),
     * v(ariant); for e(xtended language), the language it may follow; for g, a whole grandfathered or redundant tag to
     * its preferred value, or to itself when it has none.
     */
    private static final Map<Character, Map<String, String>> SUBTAGS = readTable();

    /**
     * Java's three-letter forms of the two-letter languages, to their two-letter form: earlier versions accepted these,
     * and one of them ({@code mol}, of deprecated {@code mo}) is in neither the registry nor ISO 639-2 any more.
     */
    private static final Map<String, String> JAVA_THREE_LETTER = javaThreeLetterLanguages();

    /** How many accepted tags {@link #CANONICAL} remembers; a store sees a handful, so this bounds only abuse. */
    static final int REMEMBERED = 1024;

    /**
     * Tags already accepted, with their canonical form: every record built checks its tag, and parsing one with
     * {@link Locale.Builder} costs far more than a look-up. Only accepted tags are kept, at most {@value #REMEMBERED}.
     */
    private static final ConcurrentMap<String, String> CANONICAL = new ConcurrentHashMap<>();

    private LanguageTags() {}

    /**
     * Returns the canonical form of {@code tag} ({@code EN-us} becomes {@code en-US}, {@code eng} becomes
     * {@code en}), or {@code null} for null.
     *
     * @throws InvalidInputException naming {@code field} when the tag is malformed or a subtag is not registered
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

    /**
     * Returns the canonical form of a tag stored by an earlier version, which checked only the language: script, region
     * and variant subtags the registry does not list are left out ({@code en-JX} becomes {@code en}). Returns
     * {@code null} when the tag is malformed or its language is unknown, which no version accepted.
     */
    public static String registeredPartOrNull(String tag) {
        try {
            return parse("language", tag, true);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    private static String parse(String field, String tag) {
        return parse(field, tag, false);
    }

    private static String parse(String field, String tag, boolean dropUnregistered) {
        if (tag.isBlank()) {
            throw new InvalidInputException(field, "'" + tag + "' is not a BCP 47 language tag");
        }
        if (tag.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "'" + tag + "' is longer than the " + MAX_LENGTH
                    + " characters stored");
        }
        String hyphenated = tag.replace('_', '-');
        String lower = hyphenated.toLowerCase(Locale.ROOT);
        String grandfathered = SUBTAGS.get('g').get(lower);
        if (grandfathered != null) {
            // Whole tags from before RFC 4646 (i-klingon, en-GB-oed): their preferred value, or kept as they are.
            return grandfathered.equals(lower) ? lower : parse(field, grandfathered, false);
        }
        // Private use (x-...) is the tagger's own: kept as written, and kept from Locale, which reads x-lvariant-1996 as
        // its own spelling of the variant 1996.
        int privateStart = lower.startsWith("x-") ? 0 : lower.contains("-x-") ? lower.indexOf("-x-") + 1 : -1;
        String privatePart = privateStart < 0 ? "" : lower.substring(privateStart);
        if (privateStart >= 0 && !PRIVATE_USE.matcher(privatePart).matches()) {
            throw new InvalidInputException(field, "'" + tag + "' is not a BCP 47 language tag: after x-, subtags of 1 to"
                    + " 8 letters and digits");
        }
        if (privateStart == 0) {
            return privatePart;
        }
        String main = privateStart < 0 ? hyphenated : hyphenated.substring(0, privateStart - 1);
        String[] subtags = (privateStart < 0 ? lower : lower.substring(0, privateStart - 1)).split("-", -1);
        checkExtendedLanguage(field, tag, subtags);
        checkSingletonsOnce(field, tag, subtags);
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(main).build();
        } catch (IllformedLocaleException e) {
            throw new InvalidInputException(field, "'" + tag + "' is not a BCP 47 language tag: " + e.getMessage(), e);
        }
        var registry = new Subtags(field, tag);
        // Locale reads "und" as no language; it is valid as it is.
        String language = locale.getLanguage().isEmpty() ? "" : registry.registered('l', locale.getLanguage(), false);
        String script = registry.registered('s', locale.getScript(), dropUnregistered);
        String region = registry.registered('r', locale.getCountry(), dropUnregistered);
        var variants = new LinkedHashSet<String>();
        for (String variant : locale.getVariant().split("_")) {
            String stored = registry.registered('v', variant, dropUnregistered);
            if (!stored.isEmpty() && !variants.add(stored) && !dropUnregistered) {
                throw new InvalidInputException(field, "'" + tag + "' has the variant subtag '" + variant + "' twice");
            }
        }
        String canonical = new Locale.Builder().setLocale(locale).setLanguage(language).setScript(script)
                .setRegion(region).setVariant(String.join("-", variants)).build().toLanguageTag()
                + (privatePart.isEmpty() ? "" : "-" + privatePart);
        if (canonical.length() > MAX_LENGTH) {
            // A preferred value can be longer than what it replaces (heploc becomes alalc97).
            throw new InvalidInputException(field, "'" + tag + "' is " + canonical.length() + " characters in canonical form ("
                    + canonical + "); at most " + MAX_LENGTH + " are stored");
        }
        return canonical;
    }

    /**
     * A three-letter subtag right after the language is an extended language subtag, which Locale makes the language
     * ({@code zh-yue} is {@code yue}); the registry says which language each may follow, so {@code fr-eng} is refused
     * rather than stored as English.
     */
    private static void checkExtendedLanguage(String field, String tag, String[] subtags) {
        if (subtags.length < 2 || !isLetters(subtags[0], 2, 3) || !isLetters(subtags[1], 3, 3)) {
            return;
        }
        String prefix = SUBTAGS.get('e').get(subtags[1]);
        if (prefix == null) {
            throw new InvalidInputException(field, "'" + tag + "' has '" + subtags[1] + "' where an extended language"
                    + " subtag goes, and the IANA language subtag registry lists no such extended language");
        }
        if (!prefix.equals(subtags[0])) {
            throw new InvalidInputException(field, "'" + tag + "' has the extended language subtag '" + subtags[1]
                    + "', which may only follow '" + prefix + "'");
        }
        if (subtags.length > 2 && isLetters(subtags[2], 3, 3)) {
            throw new InvalidInputException(field, "'" + tag + "' has more than one extended language subtag");
        }
    }

    /** Locale keeps the first of two extensions under one singleton ({@code -u-...-u-...}) and drops the other. */
    private static void checkSingletonsOnce(String field, String tag, String[] subtags) {
        var singletons = new HashSet<String>();
        for (String subtag : subtags) {
            if (subtag.length() == 1 && !singletons.add(subtag)) {
                throw new InvalidInputException(field, "'" + tag + "' has the extension '" + subtag + "' twice");
            }
        }
    }

    private static boolean isLetters(String subtag, int min, int max) {
        if (subtag.length() < min || subtag.length() > max) {
            return false;
        }
        for (int i = 0; i < subtag.length(); i++) {
            if (subtag.charAt(i) < 'a' || subtag.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }

    /** Looks the subtags of one tag up, naming the tag when one is not registered. */
    private record Subtags(String field, String tag) {

        /** The subtag as stored; "" for "" and, when {@code drop}, for a subtag the registry does not list. */
        String registered(char kind, String subtag, boolean drop) {
            if (subtag.isEmpty()) {
                return "";
            }
            String stored = SUBTAGS.get(kind).get(subtag.toLowerCase(Locale.ROOT));
            if (stored == null && kind == 'l') {
                stored = SUBTAGS.get(kind).get(JAVA_THREE_LETTER.getOrDefault(subtag, ""));
            }
            if (stored != null) {
                return stored;
            }
            if (drop) {
                return "";
            }
            throw new InvalidInputException(field, "'" + tag + "' has the " + KIND_NAMES.get(kind) + " subtag '"
                    + subtag + "', which the IANA language subtag registry does not list");
        }
    }

    private static Map<String, String> javaThreeLetterLanguages() {
        Map<String, String> languages = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            try {
                languages.put(Locale.of(two).getISO3Language(), two);
            } catch (java.util.MissingResourceException e) {
                // no three-letter form: nothing to map
            }
        }
        return Map.copyOf(languages);
    }

    private static Map<Character, Map<String, String>> readTable() {
        Map<Character, Map<String, String>> table = new HashMap<>();
        for (char kind : new char[] {'l', 's', 'r', 'v', 'e', 'g'}) {
            table.put(kind, new HashMap<>());
        }
        var resource = LanguageTags.class.getResourceAsStream(TABLE);
        if (resource == null) {
            throw new IllegalStateException(TABLE + " is missing from the class path beside " + LanguageTags.class);
        }
        try (var lines = new BufferedReader(new InputStreamReader(resource, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ");
                table.get(line.charAt(0)).put(parts[1], parts.length > 2 ? parts[2] : parts[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TABLE, e);
        }
        table.replaceAll((kind, subtags) -> Map.copyOf(subtags));
        return Map.copyOf(table);
    }
}
