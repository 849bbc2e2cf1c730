package dev.pipestore.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Where objects live: an S3-compatible server, or the embedded file-system store. */
public sealed interface ObjectStoreConfig {

    /** The bucket of the seed layout. */
    String bucket();

    /**
     * An S3-compatible server (MinIO, AWS S3, Ceph, S3Proxy).
     *
     * @param endpoint {@code http://host:port} or {@code https://host:port}
     * @param secretKey never printed
     */
    record S3(URI endpoint, String region, String accessKey, String secretKey, String bucket, Duration readTimeout)
            implements ObjectStoreConfig {
        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", accessKey=" + accessKey + ", secretKey=***, bucket="
                    + bucket + ", readTimeout=" + readTimeout + "]";
        }
    }

    /** The embedded default: files under {@code root}. */
    record FileSystem(Path root, String bucket) implements ObjectStoreConfig {}
}
