package org.winterwatch.alerts;

/**
 * A publish the {@link Publisher} refused because the packet would exceed the Maximum Packet Size the broker announced for the
 * current connection. Sending it would only make the broker close the connection, again on every attempt.
 */
public final class MessageTooLargeException extends RuntimeException {

    private final long packetBytes;
    private final long maximumBytes;

    public MessageTooLargeException(String topic, long packetBytes, long maximumBytes) {
        super("a message to " + topic + " of " + packetBytes + " bytes exceeds the broker's maximum packet size of "
                + maximumBytes + " bytes");
        this.packetBytes = packetBytes;
        this.maximumBytes = maximumBytes;
    }

    public long packetBytes() {
        return packetBytes;
    }

    public long maximumBytes() {
        return maximumBytes;
    }
}
