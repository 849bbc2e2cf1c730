package dev.pipestore.objectstore.s3;

import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthScheme;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignRequest;
import software.amazon.awssdk.http.auth.spi.signer.AsyncSignedRequest;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.IdentityProviders;

/**
 * SigV4 that leaves a body unsigned when a signed header already carries the body's SHA-256 for the server to check.
 *
 * <p>Over plain HTTP the SDK signs every body chunk by chunk: one more SHA-256 pass over the content on the client and
 * one more on the server, for every put. A put of ours already sends {@code x-amz-checksum-sha256}, a header the
 * request signature covers, and the server refuses a body that does not match it (400 BadDigest) before storing
 * anything. So the chunk signatures protect nothing the checksum does not, and such a request is signed as the SDK
 * signs it over HTTPS: {@code UNSIGNED-PAYLOAD}, headers signed, body sent as is. Requests without that header
 * (multipart parts, whose CRC32 travels in a trailer) are signed exactly as the SDK would. Only a SHA-256 stands in
 * for the signatures: anyone on a plain-HTTP path could make other bytes with a given CRC32. And only once the server
 * has shown that it checks the header: one that ignores it would store damaged bytes unnoticed.
 */
final class ChecksummedPayloadSigner implements HttpSigner<AwsCredentialsIdentity> {

    private static final String SHA256_HEADER = "x-amz-checksum-sha256";

    private final AwsV4HttpSigner delegate = AwsV4HttpSigner.create();
    /** Off until the server showed it refuses a body that does not match the header ({@link ChecksumProbe}). */
    private volatile boolean unsignedBodies;

    /** Whether bodies under a SHA-256 header go unsigned from now on. */
    void unsignedBodies(boolean allowed) {
        unsignedBodies = allowed;
    }

    /** SigV4 as the SDK's own scheme, with this signer in place of its signer. */
    AuthScheme<AwsCredentialsIdentity> authScheme() {
        AwsV4AuthScheme sdkScheme = AwsV4AuthScheme.create();
        return new AuthScheme<>() {
            @Override
            public String schemeId() {
                return AwsV4AuthScheme.SCHEME_ID;
            }

            @Override
            public IdentityProvider<AwsCredentialsIdentity> identityProvider(IdentityProviders providers) {
                return sdkScheme.identityProvider(providers);
            }

            @Override
            public HttpSigner<AwsCredentialsIdentity> signer() {
                return ChecksummedPayloadSigner.this;
            }
        };
    }

    @Override
    public SignedRequest sign(SignRequest<? extends AwsCredentialsIdentity> request) {
        if (!unsignedBodies || request.payload().isEmpty() || !carriesSha256(request.request())) {
            return delegate.sign(request);
        }
        // Signed without its body, the request gets UNSIGNED-PAYLOAD and no chunk encoding; the body goes out as it is.
        SignedRequest headersOnly = delegate.sign(request.copy(b -> b.payload(null)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, false)
                .putProperty(AwsV4FamilyHttpSigner.CHECKSUM_ALGORITHM, null)));
        return headersOnly.copy(b -> b.payload(request.payload().get()));
    }

    /** pipestore's S3 client is synchronous; an asynchronous request is signed as the SDK would sign it. */
    @Override
    public CompletableFuture<AsyncSignedRequest> signAsync(AsyncSignRequest<? extends AwsCredentialsIdentity> request) {
        return delegate.signAsync(request);
    }

    private static boolean carriesSha256(SdkHttpRequest request) {
        return request.firstMatchingHeader(SHA256_HEADER).filter(value -> !value.isEmpty()).isPresent();
    }
}
