package io.herokuelk.shipper.setup.kibana;

import java.util.Map;

/**
 * A Kibana data view over one or more data stream patterns (comma-separated, as Kibana accepts).
 *
 * @param units the fields shown with a unit, and which
 */
public record DataView(String id, String name, String pattern, Map<String, Unit> units) {}
