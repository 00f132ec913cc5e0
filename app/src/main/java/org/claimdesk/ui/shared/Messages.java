package org.claimdesk.ui.shared;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The user-visible strings of the workbench, from {@code org/claimdesk/ui/messages*.properties}. */
public final class Messages {
    public static final String BUNDLE = "org.claimdesk.ui.messages";

    private final ResourceBundle bundle;
    private final DateTimeFormatter timeFormat;

    public Messages(ResourceBundle bundle, ZoneId zone) {
        this.bundle = bundle;
        this.timeFormat = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(bundle.getLocale().toString().isEmpty() ? Locale.getDefault() : bundle.getLocale())
                .withZone(zone);
    }

    /** The workbench's strings for this locale (English when there is no translation), times in the system zone. */
    public static Messages forLocale(Locale locale) {
        return new Messages(ResourceBundle.getBundle(BUNDLE, locale), ZoneId.systemDefault());
    }

    /** A point in time as the user reads it; "" when unknown. */
    public String time(Instant instant) {
        return instant == null ? "" : timeFormat.format(instant);
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            // A missing translation must not break the window; the key shows what is missing.
            return "!" + key + "!";
        }
    }

    /** The text for the key, or {@code fallback} when the bundle has none (names that come from data). */
    public String getOrDefault(String key, String fallback) {
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    /** {@link MessageFormat} pattern from the bundle, formatted in the bundle's locale. */
    public String format(String key, Object... arguments) {
        return new MessageFormat(get(key), bundle.getLocale()).format(arguments);
    }
}
