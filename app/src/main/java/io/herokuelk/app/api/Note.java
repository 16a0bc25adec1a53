package io.herokuelk.app.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A stored note.
 *
 * @param id increasing number, never reused
 * @param text the note's text
 * @param createdAt ISO-8601 instant in UTC
 */
public record Note(
        long id, String text, @JsonProperty("created_at") String createdAt) {}
