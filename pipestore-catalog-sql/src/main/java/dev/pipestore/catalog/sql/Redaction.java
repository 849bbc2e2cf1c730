package dev.pipestore.catalog.sql;

import java.util.regex.Pattern;

/** Removes passwords from URLs and driver messages before they reach an exception, a log line or a person. */
final class Redaction {

    private static final Pattern PASSWORD_IN_AUTHORITY = Pattern.compile("(//[^:/@?]*:)[^/@?]*@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;)]*");

    /** Shorter passwords are not replaced in free text: they would mangle ordinary words and hide nothing. */
    private static final int MIN_REPLACED_LENGTH = 3;

    private Redaction() {}

    /** {@code text} with URL passwords and any occurrence of {@code password} replaced by {@code ***}. */
    static String redact(String text, String password) {
        if (text == null) {
            return null;
        }
        String result = PASSWORD_IN_AUTHORITY.matcher(text).replaceAll("$1***@");
        result = PASSWORD_PARAMETER.matcher(result).replaceAll("$1***");
        if (password != null && password.length() >= MIN_REPLACED_LENGTH) {
            result = result.replace(password, "***");
        }
        return result;
    }
}
