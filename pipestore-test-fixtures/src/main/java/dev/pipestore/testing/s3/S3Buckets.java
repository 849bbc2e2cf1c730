package dev.pipestore.testing.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Empties and removes test buckets, so a test class leaves the shared server as it found it. */
final class S3Buckets {

    private S3Buckets() {}

    /** Deletes {@code bucket}, whose S3Proxy directory is {@code bucketDir}, with all its objects and uploads. */
    static void deleteWithContents(S3Client client, String bucket, Path bucketDir) {
        try {
            for (MultipartUpload upload : client.listMultipartUploads(b -> b.bucket(bucket)).uploads()) {
                client.abortMultipartUpload(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
            }
            String token = null;
            do {
                String continuation = token;
                ListObjectsV2Response page = client.listObjectsV2(b -> b.bucket(bucket).continuationToken(continuation));
                for (S3Object object : page.contents()) {
                    client.deleteObject(b -> b.bucket(bucket).key(object.key()));
                }
                token = page.nextContinuationToken();
            } while (token != null);
            try {
                client.deleteBucket(b -> b.bucket(bucket));
            } catch (S3Exception e) {
                if (e.statusCode() != 409) {
                    throw e;
                }
                // S3Proxy 4.1.0 leaves the empty directories of a refused upload (a bad checksum) in its file backend
                // and then calls the empty bucket "not empty"; removing them is what it should have done.
                removeEmptyDirectories(bucketDir);
                client.deleteBucket(b -> b.bucket(bucket));
            }
        } catch (NoSuchBucketException e) {
            // Already gone: the goal is reached.
        }
    }

    private static void removeEmptyDirectories(Path bucketDir) {
        List<Path> deepestFirst;
        try (Stream<Path> paths = Files.walk(bucketDir)) {
            deepestFirst = paths.filter(Files::isDirectory).filter(p -> !p.equals(bucketDir))
                    .sorted(Comparator.comparingInt(Path::getNameCount).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk S3Proxy's directory " + bucketDir, e);
        }
        for (Path dir : deepestFirst) {
            try {
                Files.delete(dir);
            } catch (DirectoryNotEmptyException e) {
                // Holds something S3Proxy did not list: leave it, and let the retried delete report the bucket.
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + dir, e);
            }
        }
    }
}
