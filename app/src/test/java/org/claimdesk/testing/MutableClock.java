package org.claimdesk.testing;

import org.claimdesk.workspace.StreamClock;

import java.time.Duration;
import java.time.Instant;

/** A clock a test moves by hand: retry delays pass without waiting for them. */
public final class MutableClock extends StreamClock {
    public MutableClock(Instant start) {
        super(start);
    }

    public void advance(Duration by) {
        moveTo(instant().plus(by));
    }
}
