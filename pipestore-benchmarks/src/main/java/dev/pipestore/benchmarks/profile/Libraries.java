package dev.pipestore.benchmarks.profile;

import java.util.List;
import java.util.Map;

/** Names the library a sampled method belongs to, so a profile says "SHA-256" or "Jackson" rather than a class name. */
final class Libraries {

    /** Checked in order: the first prefix that matches wins, so the specific JDK parts come before "JDK, other". */
    private static final List<Map.Entry<String, String>> PREFIXES = List.of(
            Map.entry("com.fasterxml.jackson.", "Jackson"),
            Map.entry("io.lettuce.", "Lettuce/Netty"),
            Map.entry("io.netty.", "Lettuce/Netty"),
            Map.entry("software.amazon.awssdk.", "AWS SDK"),
            Map.entry("org.apache.hc.", "Apache HttpClient"),
            Map.entry("org.eclipse.jetty.", "Jetty"),
            Map.entry("io.javalin.", "Javalin"),
            Map.entry("jdk.internal.net.http.", "JDK HTTP client"),
            Map.entry("org.postgresql.", "pgJDBC"),
            Map.entry("com.zaxxer.hikari.", "HikariCP"),
            Map.entry("org.sqlite.", "SQLite"),
            Map.entry("org.flywaydb.", "Flyway"),
            Map.entry("sun.security.", "JDK crypto (SHA-256, HMAC)"),
            Map.entry("java.security.", "JDK crypto (SHA-256, HMAC)"),
            Map.entry("com.sun.crypto.", "JDK crypto (SHA-256, HMAC)"),
            Map.entry("java.util.zip.", "JDK checksums (CRC32)"),
            Map.entry("sun.nio.", "JDK I/O"),
            Map.entry("java.nio.", "JDK I/O"),
            Map.entry("java.io.", "JDK I/O"),
            Map.entry("dev.pipestore.", "pipestore itself"),
            Map.entry("java.", "JDK, other"),
            Map.entry("jdk.", "JDK, other"),
            Map.entry("sun.", "JDK, other"));

    private Libraries() {}

    static String of(String className) {
        for (Map.Entry<String, String> prefix : PREFIXES) {
            if (className.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        String[] parts = className.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : className;
    }
}
