package dev.pipestore.server.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipestore.ingest.DeclaredLength;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** A raw upload body tells ingest its Content-Length, through the peek for an empty body, as it is read. */
class DeclaredBodyLengthTest {

    @Test
    void aPeekedBodyStillDeclaresWhatIsLeftOfItsContentLength() throws Exception {
        InputStream body = Uploads.nonEmpty(new BoundedBody(new ByteArrayInputStream(new byte[1000]), 10_000, "body", 1000));

        assertThat(body).isInstanceOf(DeclaredLength.class);
        assertThat(((DeclaredLength) body).declaredRemaining()).as("the peeked byte is still to come").isEqualTo(1000);
        body.read(new byte[300]);
        assertThat(((DeclaredLength) body).declaredRemaining()).isEqualTo(700);
        body.readAllBytes();
        assertThat(((DeclaredLength) body).declaredRemaining()).isZero();
    }

    @Test
    void aChunkedBodyDeclaresNothing() {
        InputStream body = Uploads.nonEmpty(new BoundedBody(new ByteArrayInputStream(new byte[10]), 10_000, "body", -1));

        assertThat(((DeclaredLength) body).declaredRemaining()).isEqualTo(-1);
    }

    @Test
    void aBodyLongerThanDeclaredNeverDeclaresLessThanNothing() throws Exception {
        BoundedBody body = new BoundedBody(new ByteArrayInputStream(new byte[50]), 10_000, "body", 20);

        assertThat(body.readAllBytes()).hasSize(50);
        assertThat(body.declaredRemaining()).isZero();
    }
}
