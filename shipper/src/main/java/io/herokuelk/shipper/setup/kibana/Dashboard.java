package io.herokuelk.shipper.setup.kibana;

import java.util.List;

/** A dashboard: what it answers, and its panels. */
public record Dashboard(String id, String title, String description, List<Panel> panels) {}
