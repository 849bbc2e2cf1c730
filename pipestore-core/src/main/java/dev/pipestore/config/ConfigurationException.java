package dev.pipestore.config;

import dev.pipestore.StoreException;

/** A configuration variable is missing, malformed or points at something unusable. Stops start-up; never shows a secret. */
public class ConfigurationException extends StoreException {

    private final String variable;

    public ConfigurationException(String variable, String message) {
        super(variable + ": " + message);
        this.variable = variable;
    }

    public ConfigurationException(String variable, String message, Throwable cause) {
        super(variable + ": " + message, cause);
        this.variable = variable;
    }

    /** The environment variable at fault, for example {@code DATABASE_URL}. */
    public String variable() {
        return variable;
    }
}
