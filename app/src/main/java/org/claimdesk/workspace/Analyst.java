package org.claimdesk.workspace;

/**
 * Who is working, as recorded on decisions, notes and state changes. Until analysts choose a
 * local identity at start (the rebuttals issue), nobody is named: the workspace records no
 * account name of this computer, which a carried workspace would otherwise give away.
 */
final class Analyst {
    private Analyst() {
    }

    static String current() {
        return null;
    }
}
