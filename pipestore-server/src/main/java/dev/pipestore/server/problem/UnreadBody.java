package dev.pipestore.server.problem;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * Reads and drops what is left of a refused request's body before the refusal is written. Jetty closes a connection
 * whose request content was not read to its end, and a client still sending then gets a TCP reset that can discard the
 * answer it was about to read: an upload refused as too large, or for a wrong key, looked like a dropped connection.
 * Reading the rest lets the answer arrive. Bounded, like Tomcat's {@code maxSwallowSize}, in bytes and in time (what
 * has not arrived within two seconds is not waited for), so that refusing a huge, slow or stalled body costs little:
 * beyond the bound the connection closes as before (a client sending that much should ask with
 * {@code Expect: 100-continue}).
 */
final class UnreadBody {

    /** The most bytes read to let a refusal arrive. */
    static final long MAX_BYTES = 2L * 1024 * 1024;
    private static final Duration MAX_TIME = Duration.ofSeconds(2);

    private UnreadBody() {}

    static void swallow(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (declared == 0 || declared > MAX_BYTES || declared < 0 && request.getHeader("Transfer-Encoding") == null) {
            // No body (HTTP/1.1 has one only with a length or chunked), none left to read, or too much to wait for.
            return;
        }
        // Blocking reads return as soon as bytes arrive; only a client that stopped sending would hold one, for the
        // connection's idle timeout (30 s). For the swallow that timeout is cut to the bound, and put back after.
        EndPoint endPoint = endPointOf(request);
        long idleTimeout = endPoint == null ? 0 : endPoint.getIdleTimeout();
        long deadline = System.nanoTime() + MAX_TIME.toNanos();
        try {
            if (endPoint != null) {
                endPoint.setIdleTimeout(MAX_TIME.toMillis());
            }
            ServletInputStream body = request.getInputStream();
            byte[] buffer = new byte[16 * 1024];
            long left = MAX_BYTES;
            while (left > 0 && System.nanoTime() < deadline) {
                int read = body.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    return;
                }
                left -= read;
            }
        } catch (IOException | IllegalStateException e) {
            // The client went or stalled past the bound, or the body was taken as a reader or a form: nothing to save.
        } finally {
            if (endPoint != null) {
                endPoint.setIdleTimeout(idleTimeout);
            }
        }
    }

    private static EndPoint endPointOf(HttpServletRequest request) {
        ServletContextRequest jetty = ServletContextRequest.getServletContextRequest(request);
        return jetty == null ? null : jetty.getConnectionMetaData().getConnection().getEndPoint();
    }
}
