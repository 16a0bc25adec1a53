package io.herokuelk.shipper.parse;

import tools.jackson.core.io.SerializedString;

/**
 * One document field: its dotted name, the path of nested objects it is written under, and its place in the
 * document. Instances exist only as the constants of {@link FieldNames}.
 */
public final class Field {

    private final String name;
    final String[] path;
    final SerializedString[] encodedPath;
    /** Position in {@link FieldNames#inWriteOrder()}; fields sharing a parent object are adjacent. */
    int index = -1;

    Field(String name) {
        this.name = name;
        this.path = name.equals("@timestamp") ? new String[] {name} : name.split("\\.");
        this.encodedPath = new SerializedString[path.length];
        for (int i = 0; i < path.length; i++) {
            path[i] = path[i].intern();
            encodedPath[i] = new SerializedString(path[i]);
        }
    }

    /** The dotted name, as in the field contract ({@code http.request.method}). */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
