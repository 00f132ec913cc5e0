package org.claimdesk.claims;

/**
 * The explainable features of a sentence that work in every language; the model learns one
 * weight each. The label is what the window shows beside a contribution ("numbers +0.8").
 */
public enum Cue {
    NUMBER("numbers"),
    PERCENT("percentage"),
    MONEY("money"),
    DATE("date or year"),
    REPORTING("reporting verb"),
    QUOTE("quotation"),
    ATTRIBUTED_QUOTE("quote attributed to someone"),
    COMPARATIVE("comparison"),
    CHANGE("rise or fall"),
    PERSON("person named"),
    ORGANIZATION("organisation named"),
    LOCATION("place named"),
    OTHER_NAME("other name"),
    PROPER_NAME("capitalised name"),
    FIRST_PERSON("first person (I, me)"),
    WE("first person plural (we)"),
    YOU("addressing the reader (you)"),
    OPINION("opinion word"),
    FUTURE("promise or prediction"),
    QUESTION("question"),
    IMPERATIVE("call to action"),
    COURTESY("greeting or thanks"),
    BOILERPLATE("page boilerplate"),
    LINK("link"),
    MENTION("@mention"),
    HASHTAG("hashtag"),
    SHORT("very short"),
    LONG("long sentence");

    private final String label;

    Cue(String label) {
        this.label = label;
    }

    /** What the cue means, in a few words for the window and the command line. */
    public String label() {
        return label;
    }

    /** The feature's name in the model file: lower case, stable. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
