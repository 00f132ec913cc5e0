package org.claimdesk.fetch;

import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * Collects one response as it arrives, its body up to a limit. Past the limit it aborts the
 * exchange at once (which drops the connection) so an oversized body is never read to its end:
 * a 2xx body fails with {@link TooLarge}; bodies we do not need (errors, redirects) end quietly
 * with what was read.
 */
final class BoundedBody implements Response.Listener {

    /** The body went past the limit. */
    static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    /** Stops reading a body we do not need in full; not a failure. */
    private static final class EnoughRead extends IOException {
        EnoughRead() {
            super("enough of an unused body read");
        }
    }

    /** What came back: status, headers and the body as received (still content-encoded). */
    record Received(int status, HttpFields headers, byte[] body) {
    }

    private final long wantedLimit;
    private final long unusedLimit;
    private final CompletableFuture<Received> result = new CompletableFuture<>();
    private long limit;
    private boolean wanted;
    private byte[] buffer = new byte[0];
    private int size;
    /** Whether any of an answer arrived; read after the result completed. */
    private volatile boolean answered;

    /**
     * @param wantedLimit largest 2xx body accepted
     * @param unusedLimit how much of any other body is read before the connection is dropped
     */
    BoundedBody(long wantedLimit, long unusedLimit) {
        this.wantedLimit = wantedLimit;
        this.unusedLimit = unusedLimit;
    }

    CompletableFuture<Received> result() {
        return result;
    }

    /** Whether the server began an answer (a status line); false when the connection ended before one. */
    boolean answered() {
        return answered;
    }

    @Override
    public void onBegin(Response response) {
        answered = true;
    }

    @Override
    public void onHeaders(Response response) {
        wanted = response.getStatus() >= 200 && response.getStatus() <= 299;
        limit = wanted ? wantedLimit : unusedLimit;
        long declared = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (wanted && declared > limit) {
            // The server announced a body we will not accept: do not read any of it.
            response.abort(new TooLarge("declared length " + declared));
            return;
        }
        // Start small unless the server said how much is coming; grow by doubling.
        long initial = declared >= 0 ? Math.min(declared, limit) : Math.min(16 * 1024, limit);
        buffer = new byte[(int) Math.max(0, Math.min(initial, Integer.MAX_VALUE - 8))];
    }

    @Override
    public void onContent(Response response, ByteBuffer content) {
        int n = content.remaining();
        if (size + (long) n > limit) {
            response.abort(wanted ? new TooLarge("more than " + limit + " bytes") : new EnoughRead());
            return;
        }
        if (size + n > buffer.length) {
            long grown = Math.max(size + n, Math.min(limit, Math.max(1024L, buffer.length * 2L)));
            buffer = Arrays.copyOf(buffer, (int) Math.min(grown, Integer.MAX_VALUE - 8));
        }
        content.get(buffer, size, n);
        size += n;
    }

    @Override
    public void onComplete(Result outcome) {
        Throwable failure = outcome.getFailure();
        Response response = outcome.getResponse();
        if ((failure == null || failure instanceof EnoughRead) && response != null && response.getStatus() > 0) {
            result.complete(new Received(response.getStatus(), response.getHeaders(),
                    size == buffer.length ? buffer : Arrays.copyOf(buffer, size)));
        } else {
            result.completeExceptionally(failure != null ? failure : new IOException("no response"));
        }
    }
}
