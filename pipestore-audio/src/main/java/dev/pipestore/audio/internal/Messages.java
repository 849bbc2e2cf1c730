package dev.pipestore.audio.internal;

import java.util.Locale;

/** Formats user-facing messages in one locale, so numbers always read 1,000,000 whatever the server's locale. */
final class Messages {

    private Messages() {
    }

    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
