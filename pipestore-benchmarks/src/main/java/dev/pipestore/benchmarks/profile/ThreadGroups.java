package dev.pipestore.benchmarks.profile;

import java.util.Locale;

/** Sorts sampled threads into the parts of the system a reader cares about, by thread name. */
public final class ThreadGroups {

    public static final String LOAD = "load threads (pipestore or raw client code)";
    public static final String S3_SERVER = "S3Proxy server (in this JVM)";
    public static final String REDIS_IO = "Lettuce/Netty I/O";
    public static final String OTHER = "other JVM threads";

    private ThreadGroups() {}

    static String of(String threadName) {
        if (threadName == null) {
            return OTHER;
        }
        String name = threadName.toLowerCase(Locale.ROOT);
        if (name.startsWith("bench-load-")) {
            return LOAD;
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
