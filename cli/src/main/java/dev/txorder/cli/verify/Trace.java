package dev.txorder.cli.verify;

import java.util.List;

/**
 * A counterexample as the report renders it: a table of steps when the tool's output could be read
 * as one (TLC's state trace), else the tool's own text ({@code rows} empty).
 *
 * @param title   what it shows, e.g. "MCM1: GroupOrder violated"
 * @param columns the table's header
 * @param rows    one row per step
 * @param text    the tool's own rendering
 */
public record Trace(String title, List<String> columns, List<List<String>> rows, String text) {
}
