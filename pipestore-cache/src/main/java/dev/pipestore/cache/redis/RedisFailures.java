package dev.pipestore.cache.redis;

import dev.pipestore.config.ConfigKeys;

/** Turns Lettuce's exceptions into one line a person can act on, spotting authentication failures by Redis's error codes. */
final class RedisFailures {

    private RedisFailures() {}

    /** A short explanation of {@code failure}; Redis's error replies never echo the password, so this never does either. */
    static String explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.startsWith("WRONGPASS") || message.startsWith("NOAUTH")
                    || (message.startsWith("ERR") && message.contains("AUTH"))) {
                return "authentication failed (" + message + "): check " + ConfigKeys.REDIS_PASSWORD;
            }
            if (message.startsWith("ERR DB index is out of range") || message.startsWith("ERR invalid DB index")) {
                return "the server has no such database (" + message + "): check " + ConfigKeys.REDIS_DB;
            }
        }
        if (String.valueOf(failure.getMessage()).startsWith("Currently not connected")) {
            return "connection lost, reconnecting in the background";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return root == failure ? outer : outer + " (" + root.getMessage() + ")";
    }
}
