package io.herokuelk.shipper.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one document while contributors fill it in: a slot per {@link FieldNames} field (so setting one is
 * an array store and writing needs no sorting), plus extra top-level keys whose names are kept exactly as they came
 * (an app's own {@code http.route}, a router key this parser does not know).
 *
 * <p>Values are {@link String}, {@link Long}, {@link Double}, {@link Boolean}, a {@code List<String>} (tags) or a
 * Jackson {@code JsonNode} (values copied from app JSON).
 */
final class Document {

    private final Object[] values = new Object[FieldNames.count()];
    /** Which slots hold a value, so that writing visits only those (a document sets about a third of them). */
    private final long[] present = new long[(FieldNames.count() + 63) >>> 6];

    private List<String> extraKeys;
    private List<Object> extraValues;

    void put(Field field, Object value) {
        if (value != null) {
            set(field.index, value);
        }
    }

    private void set(int index, Object value) {
        values[index] = value;
        present[index >>> 6] |= 1L << index;
    }

    /** Puts a string unless it is empty: an empty logfmt value ({@code dyno=}) means "not known". */
    void putNonEmpty(Field field, String value) {
        if (value != null && !value.isEmpty()) {
            set(field.index, value);
        }
    }

    Object get(Field field) {
        return values[field.index];
    }

    boolean has(Field field) {
        return values[field.index] != null;
    }

    void remove(Field field) {
        values[field.index] = null;
        present[field.index >>> 6] &= ~(1L << field.index);
    }

    @SuppressWarnings("unchecked")
    void addTag(String tag) {
        Object tags = values[FieldNames.TAGS.index];
        List<String> list;
        if (tags == null) {
            list = new ArrayList<>(2);
            set(FieldNames.TAGS.index, list);
        } else {
            list = (List<String>) tags;
        }
        if (!list.contains(tag)) {
            list.add(tag);
        }
    }

    /** A top-level key written as given, dots and all; a later value for the same key replaces the earlier one. */
    void putExtra(String key, Object value) {
        if (value == null) {
            return;
        }
        if (extraKeys == null) {
            extraKeys = new ArrayList<>(4);
            extraValues = new ArrayList<>(4);
        }
        int i = extraKeys.indexOf(key);
        if (i >= 0) {
            extraValues.set(i, value);
        } else {
            extraKeys.add(key);
            extraValues.add(value);
        }
    }

    Object valueAt(int index) {
        return values[index];
    }

    /** The first slot at or after {@code from} that holds a value, or -1. */
    int nextPresent(int from) {
        int word = from >>> 6;
        if (word >= present.length) {
            return -1;
        }
        long bits = present[word] & (-1L << from);
        while (true) {
            if (bits != 0) {
                return (word << 6) + Long.numberOfTrailingZeros(bits);
            }
            if (++word == present.length) {
                return -1;
            }
            bits = present[word];
        }
    }

    int extraCount() {
        return extraKeys == null ? 0 : extraKeys.size();
    }

    String extraKey(int i) {
        return extraKeys.get(i);
    }

    Object extraValue(int i) {
        return extraValues.get(i);
    }
}
