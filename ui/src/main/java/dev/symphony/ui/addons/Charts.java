package dev.symphony.ui.addons;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/**
 * The chart component: {@code type} line or bar; {@code series} [{name, points: [[x, y], …]}] — x a number for a
 * line chart, a category (string) for a bar chart. JavaFX's own charts.
 */
final class Charts {
    private Charts() {
    }

    static Node create(VNode n) {
        XYChart<?, Number> chart = "bar".equals(n.text("type", "line"))
                ? new BarChart<>(new CategoryAxis(), new NumberAxis())
                : new LineChart<>(new NumberAxis(), new NumberAxis());
        chart.setAnimated(false);
        chart.setPrefHeight(200);
        return chart;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void configure(Node fx, VNode n) {
        XYChart chart = (XYChart) fx;
        boolean bar = chart instanceof BarChart;
        chart.setTitle(n.text("title", null));
        chart.getData().clear();
        for (JsonNode s : n.props().path("series")) {
            XYChart.Series series = new XYChart.Series();
            series.setName(s.path("name").asText(""));
            for (JsonNode p : s.path("points")) {
                Object x = bar ? p.path(0).asText() : (Object) p.path(0).asDouble();
                series.getData().add(new XYChart.Data(x, p.path(1).asDouble()));
            }
            chart.getData().add(series);
        }
    }
}
