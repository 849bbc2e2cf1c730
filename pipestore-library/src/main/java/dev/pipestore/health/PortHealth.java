package dev.pipestore.health;

import java.time.Duration;

/**
 * Whether one port's backend answers.
 *
 * @param port {@code object_store}, {@code catalog} or {@code cache}
 * @param backend the adapter's description (never a secret)
 * @param embedded whether this is the embedded default
 * @param up whether it answered
 * @param latency how long the check took
 * @param error what went wrong, or {@code null} when up
 */
public record PortHealth(String port, String backend, boolean embedded, boolean up, Duration latency, String error) {}
