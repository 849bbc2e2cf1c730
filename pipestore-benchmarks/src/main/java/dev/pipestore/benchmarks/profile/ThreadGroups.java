package dev.pipestore.benchmarks.profile;

import java.util.Locale;

/** Sorts sampled threads into the parts of the system a reader cares about, by thread name. */
public final class ThreadGroups {

    public static final String LOAD = "load threads (pipestore or raw client code)";
    public static final String S3_SERVER = "S3Proxy server (in this JVM)";
    public static final String PIPESTORE_SERVER = "pipestore HTTP server (in this JVM, virtual threads)";
    public static final String HTTP_CLIENT = "JDK HTTP client of the load threads";
    public static final String REDIS_IO = "Lettuce/Netty I/O";
    public static final String OTHER = "other JVM threads";

    private ThreadGroups() {}

    /** Whether samples of {@code group} run pipestore's code, so the profile breaks them down by pipestore step. */
    static boolean runsPipestore(String group) {
        return group.equals(LOAD) || group.equals(PIPESTORE_SERVER);
    }

    /**
     * @param virtual whether the thread is a virtual one: only pipestore's server (Javalin on virtual threads) makes
     *     them here; the load threads, S3Proxy's Jetty and the clients use platform threads
     */
    static String of(String threadName, boolean virtual) {
        if (threadName == null) {
            return virtual ? PIPESTORE_SERVER : OTHER;
        }
        String name = threadName.toLowerCase(Locale.ROOT);
        if (name.startsWith("bench-load-")) {
            return LOAD;
        }
        if (virtual || name.startsWith("jettyserverthreadpool")) {
            return PIPESTORE_SERVER;
        }
        if (name.startsWith("httpclient-")) {
            return HTTP_CLIENT;
        }
        // Jetty's QueuedThreadPool names its threads qtp<hash>-<n>; S3Proxy runs on it.
        if (name.startsWith("qtp") || name.contains("jetty") || name.contains("s3proxy")) {
            return S3_SERVER;
        }
        if (name.contains("lettuce") || name.contains("nioeventloop") || name.contains("epoll")) {
            return REDIS_IO;
        }
        return OTHER;
    }
}
