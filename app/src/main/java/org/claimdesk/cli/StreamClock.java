package org.claimdesk.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The time of a replayed stream: the workspace's clock while {@code replay} runs, moved forward by
 * the replay as the stream goes on, so that every stage and the flags see the stream's own time.
 */
final class StreamClock extends Clock {
    private volatile Instant now;

    StreamClock(Instant start) {
        this.now = start;
    }

    /** Moves to {@code time}; never back, since stages and flags count on time going forward. */
    void moveTo(Instant time) {
        if (time.isAfter(now)) {
            now = time;
        }
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a stream's time is UTC");
    }
}
