/**
 * From drain bytes to documents: framing ({@link io.herokuelk.shipper.parse.OctetFramer},
 * {@link io.herokuelk.shipper.parse.NewlineFramer}), the RFC 5424 header, one contributor per line type (router,
 * runtime metrics, platform, app JSON), deterministic event ids, and the JSON documents. No I/O happens here.
 *
 * <p>Start at {@link io.herokuelk.shipper.parse.DrainBodyParser}; the field contract is
 * {@link io.herokuelk.shipper.parse.FieldNames}.
 */
package io.herokuelk.shipper.parse;
