package org.creditbank.gateway.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.creditbank.gateway.ApiException;
import org.creditbank.model.ErrorCode;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals in our error shape. A request line that is too long (414), headers that are
 * too large (431) or a path that cannot be decoded ({@code /api/v1/outcomes/%zz}, 400) never reach
 * Javalin: Jetty answers them itself, by default with an HTML page. Installed as the server's error
 * handler, this answers problem+json with a stable code instead, like every route does.
 */
final class HttpServerProblems extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        ApiException problem = problem(status, message);
        response.setStatus(Problems.statusOf(problem.code()));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        response.write(true, ByteBuffer.wrap(Problems.body(problem, path).getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** For a request Jetty could not even parse: there is no request to hand to {@link #generateResponse}. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        ApiException problem = problem(status, reason);
        fields.put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        return ByteBuffer.wrap(Problems.body(problem, null).getBytes(StandardCharsets.UTF_8));
    }

    /** The code for what Jetty refused; the status follows from the code, as everywhere. */
    static ApiException problem(int status, String reason) {
        String why = reason == null || reason.isBlank() ? "" : " (" + reason + ")";
        return switch (status) {
            case 414 -> new ApiException(ErrorCode.URI_TOO_LONG, "the request line is longer than this gateway accepts");
            case 431 -> new ApiException(ErrorCode.HEADERS_TOO_LARGE, "the request headers are larger than this gateway accepts");
            case 413 -> new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "the request body is larger than this gateway accepts");
            case 404 -> new ApiException(ErrorCode.NO_SUCH_ROUTE, "no such route");
            default -> status >= 400 && status < 500
                    ? new ApiException(ErrorCode.REQUEST_NOT_ACCEPTED, "the HTTP server refused the request" + why)
                    : new ApiException(ErrorCode.INTERNAL, "an unexpected error occurred; it has been logged");
        };
    }
}
