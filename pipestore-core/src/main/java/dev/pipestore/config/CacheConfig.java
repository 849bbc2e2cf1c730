package dev.pipestore.config;

/** Where cached and temporary values live: Redis, or the embedded in-process cache. */
public sealed interface CacheConfig {

    /** Prefix of every key. */
    String keyPrefix();

    /**
     * A Redis server.
     *
     * @param password {@code null} when none; never printed
     */
    record Redis(String host, int port, int database, String password, boolean tls, String keyPrefix) implements CacheConfig {
        @Override
        public String toString() {
            return "Redis[host=" + host + ", port=" + port + ", database=" + database + ", password="
                    + (password == null ? "none" : "***") + ", tls=" + tls + ", keyPrefix=" + keyPrefix + "]";
        }
    }

    /** The embedded default: an in-process cache of at most {@code maxEntries} values. */
    record InProcess(long maxEntries, String keyPrefix) implements CacheConfig {}
}
