package dev.txorder.audit;

/**
 * One breach of a property, with the packets involved (wire positions, request ids) in words.
 *
 * @param property the property broken
 * @param seq      the wire position where it shows, or -1 when it is about the whole run
 * @param detail   what happened, naming requests, packets, queues
 */
public record Violation(Property property, long seq, String detail) {
    @Override
    public String toString() {
        return property + (seq >= 0 ? " at wire seq " + seq : "") + ": " + detail;
    }
}
