package io.herokuelk.shipper.setup;

/** Which mechanism deletes old documents on a cluster: exactly one, so that two never fight over a data stream. */
enum Retention {
    /** The ILM policy, through the {@code heroku-elk@ilm} component template. */
    ILM,
    /** {@code template.lifecycle.data_retention} in the index templates. */
    DATA_STREAM_LIFECYCLE,
    /** Neither: the cluster refused data stream lifecycle and has no ILM. */
    NONE
}
