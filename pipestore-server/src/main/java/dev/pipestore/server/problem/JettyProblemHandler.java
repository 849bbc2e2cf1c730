package dev.pipestore.server.problem;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Problem bodies for the errors Jetty answers itself, before a request reaches the routes: headers too large (431),
 * a malformed request line or URI (400), a request arriving while the server drains for shutdown (503, with
 * {@code Retry-After} as every 503 of the API has). Whatever the {@code Accept} header says, the answer is
 * {@code application/problem+json}, and only Jetty's reason phrase goes into it, never an exception's text.
 */
public final class JettyProblemHandler extends ErrorHandler {

    /** Jetty writes error bodies for GET, POST and HEAD only; a PUT or PATCH refused here deserves its problem too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        String reason = HttpStatus.getMessage(code);
        String type = reason.toLowerCase(Locale.ROOT).replace(' ', '-');
        String detail = cause == null && message != null && !message.isBlank() ? message : reason;
        var body = new Problem(code, type, reason, detail, null, Map.of()).toJson();
        body.put("instance", request.getHttpURI().getPath());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (code == HttpStatus.SERVICE_UNAVAILABLE_503) {
            // Jetty's 503 is a server draining for shutdown: another instance, or this one restarted, will answer.
            response.getHeaders().put(HttpHeader.RETRY_AFTER, ProblemMapper.RETRY_AFTER_SECONDS);
        }
        response.write(true, ByteBuffer.wrap(body.toString().getBytes(StandardCharsets.UTF_8)), callback);
    }
}
