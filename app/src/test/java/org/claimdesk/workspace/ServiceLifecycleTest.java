package org.claimdesk.workspace;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceLifecycleTest {
    enum Service { DATABASE, INDEX, FEEDER, SCHEDULER }

    @Test
    void servicesCloseInReverseDeclaredOrderWhateverOrderTheyStartedIn() {
        List<Service> closed = new ArrayList<>();
        ServiceLifecycle<Service> lifecycle = new ServiceLifecycle<>(Service.class);
        // the scheduler started before the index was first needed, as in a window that polls at once
        lifecycle.started(Service.DATABASE, () -> closed.add(Service.DATABASE));
        lifecycle.started(Service.SCHEDULER, () -> closed.add(Service.SCHEDULER));
        lifecycle.started(Service.INDEX, () -> closed.add(Service.INDEX));
        lifecycle.started(Service.FEEDER, () -> closed.add(Service.FEEDER));

        lifecycle.close();

        assertThat(closed).containsExactly(Service.SCHEDULER, Service.FEEDER, Service.INDEX, Service.DATABASE);
        lifecycle.close(); // idempotent
        assertThat(closed).hasSize(4);
    }

    @Test
    void aServiceThatFailsToCloseDoesNotKeepTheOthersOpen() {
        List<Service> closed = new ArrayList<>();
        ServiceLifecycle<Service> lifecycle = new ServiceLifecycle<>(Service.class);
        lifecycle.started(Service.DATABASE, () -> closed.add(Service.DATABASE));
        lifecycle.started(Service.INDEX, () -> {
            throw new IllegalStateException("disk gone");
        });
        lifecycle.started(Service.FEEDER, () -> closed.add(Service.FEEDER));

        lifecycle.close();

        assertThat(closed).containsExactly(Service.FEEDER, Service.DATABASE);
    }

    @Test
    void aServiceStartingAfterCloseIsClosedAtOnceAndRefused() {
        List<Service> closed = new ArrayList<>();
        ServiceLifecycle<Service> lifecycle = new ServiceLifecycle<>(Service.class);
        lifecycle.close();

        assertThatThrownBy(() -> lifecycle.started(Service.INDEX, () -> closed.add(Service.INDEX)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(closed).containsExactly(Service.INDEX);
    }

    @Test
    void startingTheSameServiceTwiceIsABug() {
        ServiceLifecycle<Service> lifecycle = new ServiceLifecycle<>(Service.class);
        lifecycle.started(Service.INDEX, () -> { });
        assertThatThrownBy(() -> lifecycle.started(Service.INDEX, () -> { })).isInstanceOf(IllegalStateException.class);
    }
}
