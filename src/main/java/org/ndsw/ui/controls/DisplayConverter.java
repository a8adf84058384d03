package org.ndsw.ui.controls;

import java.util.function.Function;
import javafx.util.StringConverter;

/** Shows choice-box and list values as text; values are picked from the list, never typed, so there is no parsing. */
public final class DisplayConverter<T> extends StringConverter<T> {
    private final String nullText;
    private final Function<T, String> text;

    private DisplayConverter(String nullText, Function<T, String> text) {
        this.nullText = nullText;
        this.text = text;
    }

    /** A converter showing each value as `text` gives it (null shows as ""). */
    public static <T> DisplayConverter<T> of(Function<T, String> text) {
        return new DisplayConverter<>("", text);
    }

    /** A converter showing null as `nullText` (a meaningful "none" choice) and other values as `text` gives them. */
    public static <T> DisplayConverter<T> of(String nullText, Function<T, String> text) {
        return new DisplayConverter<>(nullText, text);
    }

    @Override
    public String toString(T value) {
        return value == null ? nullText : text.apply(value);
    }

    /** Never called by the pick-only controls this converter serves; returns null ("no value"). */
    @Override
    public T fromString(String s) {
        return null;
    }
}
