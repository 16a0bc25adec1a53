package io.herokuelk.shipper.parse;

/**
 * Adds the fields of one kind of line (router, runtime metrics, platform, app JSON) to a document that already
 * holds the fields every document has. One small implementation per line type.
 */
interface LineContributor {

    /**
     * Adds this line type's fields, including {@code event.dataset}. Returns {@code false}, having added nothing,
     * when the line is not of this type.
     */
    boolean contribute(Line line, Document doc);
}
