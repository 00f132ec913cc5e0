package org.claimdesk.workspace;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock its owner moves forward: the time of a replayed stream ({@code claimdesk replay}), given
 * to the workspace so that every stage and the flags see the stream's own time; and a test's.
 */
public class StreamClock extends Clock {
    private volatile Instant now;

    public StreamClock(Instant start) {
        this.now = start;
    }

    /** Moves to {@code time}; never back, since stages and flags count on time going forward. */
    public final void moveTo(Instant time) {
        if (time.isAfter(now)) {
            now = time;
        }
    }

    @Override
    public final Instant instant() {
        return now;
    }

    @Override
    public final ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public final Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a stream's time is UTC");
    }
}
