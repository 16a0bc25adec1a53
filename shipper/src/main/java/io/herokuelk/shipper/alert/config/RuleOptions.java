package io.herokuelk.shipper.alert.config;

/**
 * A rule type's options: their defaults and how the rules file's keys are read into them.
 *
 * @param defaults what applies when the file says nothing
 * @param reader   reads a rule's (or an override's) keys over the defaults it is given
 * @param <S>      the type's settings record
 */
public record RuleOptions<S extends RuleSettings>(S defaults, Reader<S> reader) {

    /** Reads one mapping's keys, reporting bad values to it and falling back to {@code defaults}. */
    public interface Reader<S extends RuleSettings> {
        S read(YamlMapping yaml, S defaults);
    }

    /** Reads over a rule's settings (for an override) or the type's defaults; both are this type's record. */
    RuleSettings read(YamlMapping yaml, RuleSettings over) {
        @SuppressWarnings("unchecked")
        Class<S> type = (Class<S>) defaults.getClass();
        return reader.read(yaml, type.cast(over));
    }
}
