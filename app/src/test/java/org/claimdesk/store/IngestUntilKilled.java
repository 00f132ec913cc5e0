package org.claimdesk.store;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process for {@link KillDuringIngestTest}: opens the database and saves items from several
 * virtual threads until it is killed. Each item is saved from source "a", then from source "b"
 * (same URL for even numbers, a mirror URL with the same text for odd ones, so both
 * de-duplication paths are interrupted). "committed URL" is printed only after both saves returned.
 */
public final class IngestUntilKilled {
    static final int WRITERS = 4;

    private IngestUntilKilled() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String run = args[1];
        // never closed: this process only ends by SIGKILL
        Database database = Database.open(dir);
        new SourceStore(database).sync(List.of(Samples.feed("a"), Samples.feed("b")));
        ItemStore items = new ItemStore(database);
        say("ready");
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; ; i++) {
                        String url = url(run, writer, i);
                        items.save(Samples.item("a", url, textFor(url)));
                        String second = i % 2 == 0 ? url : url + "?mirror";
                        items.save(Samples.item("b", second, textFor(url)));
                        say("committed " + url);
                    }
                } catch (Throwable e) {
                    e.printStackTrace();
                    System.exit(3);
                }
            }));
        }
        for (Thread writer : writers) {
            writer.join();
        }
    }

    static String url(String run, int writer, int index) {
        return "https://kill.example.org/" + run + "/" + writer + "/" + index;
    }

    /** Text of the item at {@code url}: 0.4 to 16 KB, long enough for hash matching. */
    static String textFor(String url) {
        int repeats = 10 + Math.floorMod(url.hashCode(), 400);
        return ("Text of " + URI.create(url).getPath() + " — نص 本文. ").repeat(repeats);
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
