package org.claimdesk.ui.sources;

import org.claimdesk.script.WritingSystem;

/**
 * A row of the sources panel, everything worded: the cell only draws it.
 *
 * @param statusText what the status icon says to a screen reader
 * @param detail     the line under the name (last success and item count, or where it came from)
 * @param tooltip    the address and how the source is doing
 * @param script     the script of the name, for its font
 */
public record SourceRow(String id, String name, SourceStatus status, String statusText, String detail, String tooltip,
                        WritingSystem script) {
}
