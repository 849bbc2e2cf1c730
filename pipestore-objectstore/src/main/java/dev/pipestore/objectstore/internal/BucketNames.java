package dev.pipestore.objectstore.internal;

import dev.pipestore.InvalidInputException;
import java.util.regex.Pattern;

/** S3's bucket naming rules, applied by every adapter so a bucket that works on the file system also works on S3. */
public final class BucketNames {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

    private BucketNames() {}

    /**
     * Returns {@code bucket} when S3 accepts it: 3 to 63 lower-case letters, digits, {@code .} and {@code -}, starting
     * and ending with a letter or digit, no {@code ..}, not an IP address.
     */
    public static String requireValid(String bucket) {
        if (bucket == null || !VALID.matcher(bucket).matches() || bucket.contains("..") || IP_ADDRESS.matcher(bucket).matches()) {
            throw new InvalidInputException("bucket", "'" + bucket + "' is not a valid S3 bucket name (3-63 lower-case letters, "
                    + "digits, '.' and '-', starting and ending with a letter or digit; note S3 forbids '_')");
        }
        return bucket;
    }
}
