package org.claimdesk.cluster;

/**
 * Document frequencies learnt from the stream itself, in a fixed table of counters indexed by the
 * term's hash: memory stays the same at a thousand items or a million, and a rare collision only
 * makes a term look a little commoner than it is.
 */
final class StreamingIdf {
    private final int[] documentFrequency;
    private final int mask;
    private long documents;

    StreamingIdf(int tableBits) {
        documentFrequency = new int[1 << tableBits];
        mask = (1 << tableBits) - 1;
    }

    /** Counts one document holding these distinct terms. */
    void add(int[] distinctTerms) {
        documents++;
        for (int t : distinctTerms) {
            int slot = t & mask;
            if (documentFrequency[slot] < Integer.MAX_VALUE) {
                documentFrequency[slot]++;
            }
        }
    }

    double idf(int term) {
        return Math.log((documents + 1.0) / (documentFrequency[term & mask] + 0.5));
    }

    /** Documents counted so far that held the term (a collision can only make it look higher). */
    int frequency(int term) {
        return documentFrequency[term & mask];
    }

    long documents() {
        return documents;
    }
}
