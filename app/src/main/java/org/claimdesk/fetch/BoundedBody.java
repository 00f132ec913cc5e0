package org.claimdesk.fetch;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body as it arrives, up to a limit. Past the limit it cancels the stream at
 * once (which drops the connection) so an oversized body is never read to its end: either the
 * body fails with {@link TooLarge}, or, for bodies we do not need (errors, redirects), it ends
 * quietly with what was read.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body went past the limit. */
    static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    private final long limit;
    private final boolean failWhenTooLarge;
    private final long declaredLength;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private byte[] buffer;
    private int size;

    /**
     * @param declaredLength the Content-Length, or -1 when unknown
     */
    BoundedBody(long limit, boolean failWhenTooLarge, long declaredLength) {
        this.limit = limit;
        this.failWhenTooLarge = failWhenTooLarge;
        this.declaredLength = declaredLength;
        // Start small unless the server said how much is coming; grow by doubling.
        long initial = declaredLength >= 0 ? Math.min(declaredLength, limit) : Math.min(16 * 1024, limit);
        this.buffer = new byte[(int) Math.max(0, Math.min(initial, Integer.MAX_VALUE - 8))];
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (result.isDone()) {
            subscription.cancel();
        } else if (declaredLength > limit && failWhenTooLarge) {
            // The server announced a body we will not accept: do not read any of it.
            subscription.cancel();
            result.completeExceptionally(new TooLarge("declared length " + declaredLength));
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            int n = item.remaining();
            if (size + (long) n > limit) {
                subscription.cancel();
                if (failWhenTooLarge) {
                    result.completeExceptionally(new TooLarge("more than " + limit + " bytes"));
                } else {
                    result.complete(Arrays.copyOf(buffer, size));
                }
                return;
            }
            ensureCapacity(size + n);
            item.get(buffer, size, n);
            size += n;
        }
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            long grown = Math.max(needed, Math.min(limit, Math.max(1024L, buffer.length * 2L)));
            buffer = Arrays.copyOf(buffer, (int) Math.min(grown, Integer.MAX_VALUE - 8));
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    /** Stops reading (timeout or cancellation); the connection is dropped. */
    void abort() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        result.completeExceptionally(new IOException("aborted"));
    }
}
