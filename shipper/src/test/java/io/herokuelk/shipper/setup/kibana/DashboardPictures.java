package io.herokuelk.shipper.setup.kibana;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import tools.jackson.databind.JsonNode;

/**
 * A picture of each committed dashboard drawn from the answers of its panels' searches on the test episode, laid
 * out on the dashboard's 48-column grid: XY panels as lines or stacked bars over the searched time range with their
 * series named, metric panels as a big number, tables as a small table. Not Kibana: each image says so.
 * Written to {@code kibana-dashboards/pictures/<dashboard id>.png} only when asked ({@link #wanted()}).
 */
final class DashboardPictures {

    static final String LABEL =
            "Rendered by heroku-elk from the panel queries on test data \u2014 not a Kibana" + " screenshot";

    private static final int WIDTH = 1200;
    private static final int PAD = 12;
    private static final int HEADER = 62;
    private static final int FOOTER = 26;
    private static final int ROW = 20;
    private static final int GAP = 8;
    private static final Color BACKGROUND = new Color(0xF1F4FA);
    private static final Color BORDER = new Color(0xD3DAE6);
    private static final Color TEXT = new Color(0x343741);
    private static final Color SUBDUED = new Color(0x69707D);
    private static final Color GRID = new Color(0xEEF1F6);
    private static final Color[] PALETTE = {
        new Color(0x54B399),
        new Color(0x6092C0),
        new Color(0xD36086),
        new Color(0x9170B8),
        new Color(0xCA8EAE),
        new Color(0xD6BF57),
        new Color(0xB9A888),
        new Color(0xDA8B45),
        new Color(0xAA6556),
        new Color(0xE7664C)
    };
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    private static final Font SMALL_BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 10);
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private DashboardPictures() {}

    /** {@code -Dkibana.pictures=true} (Maven passes it to the test JVM) or {@code KIBANA_PICTURES=true}. */
    static boolean wanted() {
        return Boolean.getBoolean("kibana.pictures") || "true".equalsIgnoreCase(System.getenv("KIBANA_PICTURES"));
    }

    static Path directory() {
        return Exported.committedFile().getParent().resolve("pictures");
    }

    /**
     * One PNG per dashboard.
     *
     * @param answers the {@code aggregations} of each searched layer, by layer id
     */
    static List<Path> write(Map<String, JsonNode> answers, Instant from, Instant to) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<String, List<Exported.LensLayer>> layersByPanel = new LinkedHashMap<>();
        for (Exported.LensLayer layer : Exported.lensLayers()) {
            layersByPanel
                    .computeIfAbsent(layer.dashboardId() + "/" + layer.panelIndex(), k -> new ArrayList<>())
                    .add(layer);
        }
        Files.createDirectories(directory());
        List<Path> written = new ArrayList<>();
        for (JsonNode object : Exported.objects()) {
            if (!object.get("type").asString().equals("dashboard")) {
                continue;
            }
            String id = object.get("id").asString();
            JsonNode panels =
                    Exported.JSON.readTree(object.at("/attributes/panelsJSON").asString());
            int rows = 0;
            for (JsonNode panel : panels) {
                rows = Math.max(
                        rows,
                        panel.at("/gridData/y").asInt()
                                + panel.at("/gridData/h").asInt());
            }
            BufferedImage image = new BufferedImage(WIDTH, HEADER + rows * ROW + FOOTER, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            header(g, object.at("/attributes/title").asString(), from, to);
            double column = (WIDTH - 2.0 * PAD) / 48;
            for (JsonNode panel : panels) {
                JsonNode grid = panel.get("gridData");
                Rectangle2D box = new Rectangle2D.Double(
                        PAD + grid.get("x").asInt() * column + GAP / 2.0,
                        HEADER + grid.get("y").asInt() * ROW + GAP / 2.0,
                        grid.get("w").asInt() * column - GAP,
                        grid.get("h").asInt() * ROW - GAP);
                List<Exported.LensLayer> layers = layersByPanel.getOrDefault(
                        id + "/" + panel.get("panelIndex").asString(), List.of());
                panel(g, box, panel.get("title").asString(), layers, answers, from, to);
            }
            g.setFont(SMALL);
            g.setColor(SUBDUED);
            g.drawString(
                    LABEL + ". Layout and queries from kibana-dashboards/heroku-elk.ndjson; times in UTC.",
                    PAD,
                    image.getHeight() - 9);
            g.dispose();
            Path file = directory().resolve(id + ".png");
            ImageIO.write(image, "png", file.toFile());
            written.add(file);
        }
        return written;
    }

    private static void header(Graphics2D g, String title, Instant from, Instant to) {
        g.setColor(TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(title, PAD, 26);
        String range = CLOCK.format(from) + " \u2013 " + CLOCK.format(to) + " UTC (the test episode)";
        g.setFont(SMALL);
        g.setColor(SUBDUED);
        g.drawString(range, WIDTH - PAD - g.getFontMetrics().stringWidth(range), 26);
        // The label, on a band of its own so that a cropped copy still carries it.
        g.setColor(new Color(0xFFF4D6));
        g.fillRect(PAD, 34, WIDTH - 2 * PAD, 20);
        g.setColor(new Color(0x8A6A0A));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        g.drawString(LABEL, PAD + 8, 48);
    }

    private static void panel(
            Graphics2D g,
            Rectangle2D box,
            String title,
            List<Exported.LensLayer> layers,
            Map<String, JsonNode> answers,
            Instant from,
            Instant to) {
        Shape card = new RoundRectangle2D.Double(box.getX(), box.getY(), box.getWidth(), box.getHeight(), 8, 8);
        g.setColor(Color.WHITE);
        g.fill(card);
        g.setColor(BORDER);
        g.draw(card);
        g.setFont(TITLE);
        g.setColor(TEXT);
        g.drawString(fit(g, title, box.getWidth() - 16), (float) box.getX() + 8, (float) box.getY() + 17);
        Rectangle2D body =
                new Rectangle2D.Double(box.getX() + 8, box.getY() + 26, box.getWidth() - 16, box.getHeight() - 32);
        if (layers.isEmpty()) {
            return;
        }
        switch (layers.getFirst().visualizationType()) {
            case "lnsMetric" ->
                metric(g, body, layers.getFirst(), answers.get(layers.getFirst().layerId()));
            case "lnsDatatable" ->
                table(g, body, layers.getFirst(), answers.get(layers.getFirst().layerId()));
            case "lnsXY" -> xy(g, body, layers, answers, from, to);
            default -> throw new IllegalArgumentException(layers.getFirst().visualizationType());
        }
    }

    // Metric: one big number.

    private static void metric(Graphics2D g, Rectangle2D body, Exported.LensLayer layer, JsonNode answer) {
        String id = layer.visualization().get("metricAccessor").asString();
        JsonNode column = layer.column(id);
        Double value = answer == null ? null : PanelSearch.value(answer, id, column);
        String text = value == null ? "\u2013" : format(value, layer.format(id));
        int size = 34;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        while (g.getFontMetrics().stringWidth(text) > body.getWidth() - 8 && size > 12) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, --size));
        }
        g.setColor(TEXT);
        float baseline = (float) (body.getY() + body.getHeight() / 2 + 8);
        g.drawString(text, (float) (body.getCenterX() - g.getFontMetrics().stringWidth(text) / 2.0), baseline);
        g.setFont(SMALL);
        g.setColor(SUBDUED);
        String label = column.get("label").asString();
        g.drawString(label, (float) (body.getCenterX() - g.getFontMetrics().stringWidth(label) / 2.0), baseline + 18);
    }

    // Table: bucket keys and metric values, one row per innermost bucket, sorted as the panel says.

    private static void table(Graphics2D g, Rectangle2D body, Exported.LensLayer layer, JsonNode answer) {
        List<String> ids = layer.columnOrder();
        List<String> bucketIds = ids.stream()
                .filter(id -> layer.column(id).get("isBucketed").asBoolean())
                .toList();
        List<Object[]> rows = new ArrayList<>();
        if (answer != null) {
            walk(answer, bucketIds, 0, new LinkedHashMap<>(), (keys, leaf) -> {
                Object[] row = new Object[ids.size()];
                for (int i = 0; i < ids.size(); i++) {
                    String id = ids.get(i);
                    row[i] = keys.containsKey(id) ? key(keys.get(id)) : cell(leaf, id, layer.column(id));
                }
                rows.add(row);
            });
        }
        JsonNode sorting = layer.visualization().path("sorting");
        int sortIndex = ids.indexOf(sorting.path("columnId").asString(""));
        if (sortIndex >= 0) {
            Comparator<Object[]> order = Comparator.comparing(row -> row[sortIndex], DashboardPictures::compare);
            rows.sort(sorting.path("direction").asString("").equals("desc") ? order.reversed() : order);
        }
        List<String> header =
                ids.stream().map(id -> layer.column(id).get("label").asString()).toList();
        List<String[]> texts = new ArrayList<>();
        boolean[] numeric = new boolean[ids.size()];
        for (Object[] row : rows) {
            String[] text = new String[row.length];
            for (int i = 0; i < row.length; i++) {
                if (row[i] instanceof Double d) {
                    numeric[i] = true;
                    text[i] = format(d, layer.format(ids.get(i)));
                } else {
                    text[i] = row[i] == null ? "\u2013" : row[i].toString();
                }
            }
            texts.add(text);
        }
        // Widths from the longest text of each column, scaled to the panel.
        double[] widths = new double[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            g.setFont(SMALL_BOLD);
            widths[i] = g.getFontMetrics().stringWidth(header.get(i)) + 14;
            g.setFont(SMALL);
            for (String[] text : texts) {
                widths[i] = Math.max(widths[i], g.getFontMetrics().stringWidth(text[i]) + 14);
            }
        }
        double total = java.util.Arrays.stream(widths).sum();
        double scale = body.getWidth() / total;
        if (scale < 1) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] *= scale;
            }
        } else {
            // Room to spare goes to every column alike, at most doubling one, so the columns stay together.
            for (int i = 0; i < widths.length; i++) {
                widths[i] += Math.min(widths[i], (body.getWidth() - total) / widths.length);
            }
        }
        int rowHeight = 16;
        int fitting = (int) ((body.getHeight() - rowHeight - 2) / rowHeight);
        boolean more = rows.size() > fitting;
        int shown = more ? fitting - 1 : rows.size();
        double y = body.getY() + 11;
        double x = body.getX();
        g.setFont(SMALL_BOLD);
        g.setColor(TEXT);
        for (int i = 0; i < ids.size(); i++) {
            cellText(g, header.get(i), x, y, widths[i], numeric[i]);
            x += widths[i];
        }
        g.setColor(BORDER);
        g.draw(new Line2D.Double(body.getX(), y + 5, body.getMaxX(), y + 5));
        g.setFont(SMALL);
        for (int r = 0; r < shown; r++) {
            y += rowHeight;
            if (r % 2 == 1) {
                g.setColor(new Color(0xF7F8FC));
                g.fill(new Rectangle2D.Double(body.getX(), y - 11, body.getWidth(), rowHeight));
            }
            g.setColor(TEXT);
            x = body.getX();
            for (int i = 0; i < ids.size(); i++) {
                cellText(g, texts.get(r)[i], x, y, widths[i], numeric[i]);
                x += widths[i];
            }
        }
        if (more) {
            g.setColor(SUBDUED);
            g.drawString(
                    "\u2026 and " + (rows.size() - shown) + " more rows (Kibana pages the table)",
                    (float) body.getX() + 4,
                    (float) (y + rowHeight));
        }
        if (rows.isEmpty()) {
            g.setColor(SUBDUED);
            g.drawString("No results", (float) body.getX() + 4, (float) y + rowHeight);
        }
    }

    private static void cellText(Graphics2D g, String text, double x, double y, double width, boolean right) {
        String shown = fit(g, text, width - 10);
        double at = right ? x + width - 6 - g.getFontMetrics().stringWidth(shown) : x + 4;
        g.drawString(shown, (float) at, (float) y);
    }

    private static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x, y);
        }
        return a.toString().compareTo(b.toString());
    }

    /** A bucket's key: a number, or its text. */
    private static Object key(JsonNode bucket) {
        JsonNode key = bucket.get("key");
        if (bucket.has("key_as_string")) {
            return bucket.get("key_as_string").asString();
        }
        return key.isNumber() ? (Object) key.asDouble() : key.asString();
    }

    /** A metric column's value in a bucket: a number, or the text a last value holds. */
    private static Object cell(JsonNode bucket, String id, JsonNode column) {
        JsonNode agg = bucket.get(id);
        if (agg != null && column.has("filter")) {
            agg = agg.get("value");
        }
        if (agg != null && agg.has("hits")) {
            JsonNode fields = agg.at("/hits/hits/0/fields");
            if (fields.isMissingNode() || fields.isEmpty()) {
                return null;
            }
            JsonNode v = fields.properties().iterator().next().getValue().get(0);
            return v.isNumber() ? (Object) v.asDouble() : v.asString();
        }
        return PanelSearch.value(bucket, id, column);
    }

    private interface Leaf {
        void accept(Map<String, JsonNode> keys, JsonNode leaf);
    }

    private static void walk(JsonNode node, List<String> bucketIds, int depth, Map<String, JsonNode> keys, Leaf leaf) {
        if (depth == bucketIds.size()) {
            leaf.accept(keys, node);
            return;
        }
        String id = bucketIds.get(depth);
        for (JsonNode bucket : node.path(id).path("buckets")) {
            Map<String, JsonNode> inner = new LinkedHashMap<>(keys);
            inner.put(id, bucket);
            walk(bucket, bucketIds, depth + 1, inner, leaf);
        }
    }

    // XY: series from every data layer, stacked bars or lines over the time range, reference lines.

    private record Series(String name, String seriesType, double[] values) {}

    private record Reference(String label, double value, Color color) {}

    private static void xy(
            Graphics2D g,
            Rectangle2D body,
            List<Exported.LensLayer> layers,
            Map<String, JsonNode> answers,
            Instant from,
            Instant to) {
        int slots = (int) Math.max(1, (to.toEpochMilli() - from.toEpochMilli()) / 60_000);
        List<Series> series = new ArrayList<>();
        List<Reference> references = new ArrayList<>();
        JsonNode visualization = layers.getFirst().visualization();
        for (Exported.LensLayer layer : layers) {
            JsonNode config = null;
            for (JsonNode candidate : visualization.get("layers")) {
                if (candidate.get("layerId").asString().equals(layer.layerId())) {
                    config = candidate;
                }
            }
            if (config == null) {
                continue;
            }
            if (layer.referenceLine()) {
                for (JsonNode y : config.path("yConfig")) {
                    JsonNode column = layer.column(y.get("forAccessor").asString());
                    references.add(new Reference(
                            column.get("label").asString(),
                            Double.parseDouble(column.at("/params/value").asString()),
                            Color.decode(y.path("color").asString("#BD271E"))));
                }
                continue;
            }
            JsonNode answer = answers.get(layer.layerId());
            if (answer == null) {
                continue;
            }
            String xId = config.path("xAccessor").asString(null);
            String splitId = config.path("splitAccessor").asString(null);
            List<String> accessors = new ArrayList<>();
            config.get("accessors").forEach(a -> accessors.add(a.asString()));
            List<String> bucketIds = layer.columnOrder().stream()
                    .filter(id -> layer.column(id).get("isBucketed").asBoolean())
                    .toList();
            Map<String, Series> byName = new LinkedHashMap<>();
            String type = config.path("seriesType").asString("line");
            walk(answer, bucketIds, 0, new LinkedHashMap<>(), (keys, leaf) -> {
                int slot = (int) ((keys.get(xId).get("key").asLong() - from.toEpochMilli()) / 60_000);
                if (slot < 0 || slot >= slots) {
                    return;
                }
                String split = splitId == null ? null : key(keys.get(splitId)).toString();
                for (String accessor : accessors) {
                    JsonNode column = layer.column(accessor);
                    String label = column.get("label").asString();
                    String name = split == null ? label : accessors.size() > 1 ? split + " \u00b7 " + label : split;
                    Series s = byName.computeIfAbsent(name, n -> {
                        double[] values = new double[slots];
                        java.util.Arrays.fill(values, Double.NaN);
                        return new Series(n, type, values);
                    });
                    Double value = PanelSearch.value(leaf, accessor, column);
                    if (value != null) {
                        s.values()[slot] = shown(value, layer.format(accessor));
                    }
                }
            });
            // Series that never have a value other than zero are left out, as Lens leaves them out of the legend.
            byName.values().stream()
                    .filter(s -> java.util.Arrays.stream(s.values()).anyMatch(v -> !Double.isNaN(v) && v != 0))
                    .forEach(series::add);
        }
        if (series.isEmpty()) {
            g.setFont(SMALL);
            g.setColor(SUBDUED);
            g.drawString("No results", (float) body.getCenterX() - 20, (float) body.getCenterY());
            return;
        }
        // Legend on the right, as the panels configure it.
        g.setFont(SMALL);
        FontMetrics fm = g.getFontMetrics();
        double legendWidth = 0;
        for (Series s : series) {
            legendWidth = Math.max(legendWidth, fm.stringWidth(s.name()) + 20);
        }
        for (Reference r : references) {
            legendWidth = Math.max(legendWidth, fm.stringWidth(r.label()) + 20);
        }
        legendWidth = Math.min(legendWidth, body.getWidth() * 0.34);
        Rectangle2D plot = new Rectangle2D.Double(
                body.getX() + 44, body.getY() + 4, body.getWidth() - 44 - legendWidth - 10, body.getHeight() - 20);
        double max = 0;
        for (int slot = 0; slot < slots; slot++) {
            double stacked = 0;
            for (Series s : series) {
                double v = s.values()[slot];
                if (Double.isNaN(v)) {
                    continue;
                }
                if (s.seriesType().startsWith("bar_stacked")) {
                    stacked += v;
                    max = Math.max(max, stacked);
                } else {
                    max = Math.max(max, v);
                }
            }
        }
        for (Reference r : references) {
            max = Math.max(max, r.value());
        }
        double step = niceStep(max / 4);
        double top = Math.max(step, Math.ceil(max * 1.05 / step) * step);
        // Axes and grid.
        g.setFont(SMALL);
        for (double tick = 0; tick <= top + step / 2; tick += step) {
            double y = plot.getMaxY() - tick / top * plot.getHeight();
            g.setColor(GRID);
            g.draw(new Line2D.Double(plot.getX(), y, plot.getMaxX(), y));
            g.setColor(SUBDUED);
            String label = compact(tick);
            g.drawString(label, (float) (plot.getX() - 4 - fm.stringWidth(label)), (float) y + 4);
        }
        g.setColor(BORDER);
        g.draw(new Line2D.Double(plot.getX(), plot.getMaxY(), plot.getMaxX(), plot.getMaxY()));
        double slotWidth = plot.getWidth() / slots;
        for (int minute = 0; minute <= slots; minute += 5) {
            double x = plot.getX() + minute * slotWidth;
            g.setColor(BORDER);
            g.draw(new Line2D.Double(x, plot.getMaxY(), x, plot.getMaxY() + 3));
            g.setColor(SUBDUED);
            String label = CLOCK.format(from.plusSeconds(minute * 60L));
            g.drawString(label, (float) (x - fm.stringWidth(label) / 2.0), (float) plot.getMaxY() + 14);
        }
        // Bars first, stacked in series order, then lines over them.
        double[] base = new double[slots];
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            if (!s.seriesType().startsWith("bar")) {
                continue;
            }
            g.setColor(PALETTE[i % PALETTE.length]);
            for (int slot = 0; slot < slots; slot++) {
                double v = s.values()[slot];
                if (Double.isNaN(v) || v == 0) {
                    continue;
                }
                double y0 = plot.getMaxY() - base[slot] / top * plot.getHeight();
                double y1 = plot.getMaxY() - (base[slot] + v) / top * plot.getHeight();
                g.fill(new Rectangle2D.Double(
                        plot.getX() + slot * slotWidth + slotWidth * 0.12, y1, slotWidth * 0.76, y0 - y1));
                base[slot] += v;
            }
        }
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            if (s.seriesType().startsWith("bar")) {
                continue;
            }
            g.setColor(PALETTE[i % PALETTE.length]);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D path = new Path2D.Double();
            boolean drawing = false;
            for (int slot = 0; slot < slots; slot++) {
                double v = s.values()[slot];
                if (Double.isNaN(v)) {
                    drawing = false; // Lens' "no fitting": a gap where a bucket has no value
                    continue;
                }
                double x = plot.getX() + (slot + 0.5) * slotWidth;
                double y = plot.getMaxY() - v / top * plot.getHeight();
                boolean alone = (slot == 0 || Double.isNaN(s.values()[slot - 1]))
                        && (slot == slots - 1 || Double.isNaN(s.values()[slot + 1]));
                if (alone) {
                    g.fill(new java.awt.geom.Ellipse2D.Double(x - 2.5, y - 2.5, 5, 5));
                }
                if (drawing) {
                    path.lineTo(x, y);
                } else {
                    path.moveTo(x, y);
                    drawing = true;
                }
            }
            g.draw(path);
            g.setStroke(new BasicStroke(1f));
        }
        for (Reference r : references) {
            double y = plot.getMaxY() - r.value() / top * plot.getHeight();
            g.setColor(r.color());
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            g.draw(new Line2D.Double(plot.getX(), y, plot.getMaxX(), y));
            g.setStroke(new BasicStroke(1f));
            g.setFont(SMALL);
            g.drawString(r.label(), (float) plot.getX() + 4, (float) y - 3);
        }
        // Legend.
        double ly = body.getY() + 10;
        double lx = plot.getMaxX() + 12;
        g.setFont(SMALL);
        for (int i = 0; i < series.size() && ly < body.getMaxY(); i++) {
            g.setColor(PALETTE[i % PALETTE.length]);
            g.fill(new Rectangle2D.Double(lx, ly - 8, 10, 10));
            g.setColor(TEXT);
            g.drawString(fit(g, series.get(i).name(), legendWidth - 16), (float) lx + 15, (float) ly + 1);
            ly += 15;
        }
        for (Reference r : references) {
            g.setColor(r.color());
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {3, 2}, 0));
            g.draw(new Line2D.Double(lx, ly - 3, lx + 10, ly - 3));
            g.setStroke(new BasicStroke(1f));
            g.setColor(TEXT);
            g.drawString(fit(g, r.label(), legendWidth - 16), (float) lx + 15, (float) ly + 1);
            ly += 15;
        }
    }

    // Numbers as the columns' formats show them.

    /** The value in the unit its format shows: durations converted from their input unit to the output one. */
    private static double shown(double value, JsonNode format) {
        if (!format.path("id").asString("").equals("duration")) {
            return value;
        }
        double milliseconds = value
                * switch (format.at("/params/inputFormat").asString("milliseconds")) {
                    case "nanoseconds" -> 1e-6;
                    case "microseconds" -> 1e-3;
                    case "seconds" -> 1e3;
                    default -> 1;
                };
        return format.at("/params/outputFormat").asString("").equals("asSeconds") ? milliseconds / 1000 : milliseconds;
    }

    /**
     * A value as Kibana's format shows it: Lens' number format (decimals, suffix), the data view's number pattern,
     * or its duration format ({@code asMilliseconds} with a short suffix; {@code humanizePrecise} in the largest
     * unit the value reaches).
     */
    private static String format(double value, JsonNode format) {
        String id = format.path("id").asString("");
        JsonNode params = format.path("params");
        if (id.equals("duration")) {
            double ms = shown(value, format);
            int precision = params.path("outputPrecision").asInt(0);
            if (params.path("outputFormat").asString("").equals("humanizePrecise") && ms >= 1000) {
                return String.format(Locale.US, "%." + precision + "f", ms >= 60_000 ? ms / 60_000 : ms / 1000)
                        + (ms >= 60_000 ? " min" : " s");
            }
            // toFixed: no thousands separator
            return String.format(Locale.US, "%." + precision + "f", ms) + " ms";
        }
        if (params.has("pattern")) {
            String pattern = params.get("pattern").asString();
            int decimals = pattern.contains(".") ? pattern.length() - pattern.indexOf('.') - 1 : 0;
            return String.format(Locale.US, "%,." + decimals + "f", value);
        }
        if (id.equals("number")) {
            return String.format(Locale.US, "%,." + params.path("decimals").asInt(0) + "f", value)
                    + params.path("suffix").asString("");
        }
        return value == Math.rint(value)
                ? String.format(Locale.US, "%,.0f", value)
                : String.format(Locale.US, "%,.1f", value);
    }

    private static String compact(double value) {
        if (value >= 1000 && value % 1000 == 0) {
            return String.format(Locale.US, "%.0fk", value / 1000);
        }
        if (value >= 1000) {
            return String.format(Locale.US, "%.1fk", value / 1000);
        }
        return value == Math.rint(value)
                ? String.format(Locale.US, "%.0f", value)
                : String.format(Locale.US, "%.1f", value);
    }

    private static double niceStep(double raw) {
        if (raw <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return Math.max(1, nice * magnitude);
    }

    private static String fit(Graphics2D g, String text, double width) {
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && fm.stringWidth(cut + "\u2026") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "\u2026";
    }
}
