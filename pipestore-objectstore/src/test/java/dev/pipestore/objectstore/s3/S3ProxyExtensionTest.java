package dev.pipestore.objectstore.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.testing.s3.S3ProxyExtension;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3Proxy fixture used the declarative way: one server per JVM, valid fresh bucket names, clean removal. */
@ExtendWith(S3ProxyExtension.class)
class S3ProxyExtensionTest {

    @Test
    void injectedExtensionTalksToTheSameServerAsTheSharedOne(S3ProxyExtension s3) {
        assertThat(s3.endpoint()).isEqualTo(S3ProxyExtension.shared().endpoint());
        assertThat(s3.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(s3.endpoint().getPort()).isPositive();
    }

    @Test
    void newBucketNamesAreFreshAndValidForS3(S3ProxyExtension s3) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            names.add(s3.newBucketName());
        }

        assertThat(names).hasSize(100).allMatch(name -> name.matches("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]"));
    }

    @Test
    void deleteBucketRemovesABucketWithObjectsAndPendingUploads(S3ProxyExtension s3) {
        String bucket = s3.newBucketName();
        try (S3Client client = s3.newClient()) {
            client.createBucket(b -> b.bucket(bucket));
            client.putObject(b -> b.bucket(bucket).key("a/b.txt"), software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
            client.createMultipartUpload(b -> b.bucket(bucket).key("pending.bin"));

            s3.deleteBucket(bucket);
            s3.deleteBucket(bucket);

            assertThat(client.listBuckets().buckets()).noneMatch(b -> b.name().equals(bucket));
        }
    }
}
