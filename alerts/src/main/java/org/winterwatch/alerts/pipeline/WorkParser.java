package org.winterwatch.alerts.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.alerts.Topics;
import org.winterwatch.alerts.book.Detection;
import org.winterwatch.alerts.book.TeamAction;
import org.winterwatch.alerts.store.AlertStore;
import org.winterwatch.alerts.wire.AckParser;
import org.winterwatch.alerts.wire.DeadLetter;
import org.winterwatch.alerts.wire.DetectionParser;
import org.winterwatch.alerts.wire.InboundRejection;
import org.winterwatch.alerts.wire.TipParser;

/**
 * The first step of a batch: each work item read into what it says (a detection, a tip, a team's action), or, when
 * it cannot be accepted, settled at once (a dead letter into the batch's outbox, or the HTTP caller told why).
 */
final class WorkParser {

    private static final Logger LOG = LoggerFactory.getLogger(WorkParser.class);

    private final DetectionParser detections;
    private final TipParser tips;
    private final Topics topics;
    private final List<Consumer<DeadLettered>> deadLetterListeners = new CopyOnWriteArrayList<>();

    WorkParser(DetectionParser detections, TipParser tips, Topics topics) {
        this.detections = detections;
        this.tips = tips;
        this.topics = topics;
    }

    /** Tells {@code listener} of every dead letter once it is committed. */
    void onDeadLetter(Consumer<DeadLettered> listener) {
        deadLetterListeners.add(listener);
    }

    /** A work item with its parsed content, or already settled (dead-lettered, tick). */
    record Parsed(Work work, Detection detection, TeamAction action, String payloadText) {
    }

    List<Parsed> parse(List<Work> batch, Instant now, List<AlertStore.OutboxMessage> outbox,
                               List<Runnable> afterCommit) {
        List<Parsed> out = new ArrayList<>();
        for (Work w : batch) {
            try {
                if (w instanceof Work.Inbound in) {
                    afterCommit.add(in.ack());
                    String text = new String(in.payload(), StandardCharsets.UTF_8);
                    switch (in.route()) {
                        case DETECTION -> out.add(new Parsed(w, detections.parse(lastLevel(in.topic()), in.payload()), null, text));
                        case TIP -> out.add(new Parsed(w, tips.parse(in.payload()), null, text));
                        case ACK -> out.add(new Parsed(w, null, AckParser.parse(in.payload(), lastLevel(in.topic())), text));
                        case UNROUTED -> outbox.add(deadLetter(in, DeadLettered.Why.NO_HANDLER, "no handler for this topic",
                                now, afterCommit));
                    }
                } else if (w instanceof Work.HttpTip tip) {
                    out.add(new Parsed(w, tips.parse(tip.payload()), null, new String(tip.payload(), StandardCharsets.UTF_8)));
                } else if (w instanceof Work.HttpAction action) {
                    out.add(new Parsed(w, null, action.action(), null));
                } else {
                    out.add(new Parsed(w, null, null, null));
                }
            } catch (InboundRejection rejection) {
                if (w instanceof Work.Inbound in) {
                    LOG.debug("inbound rejected topic={} reason={}", in.topic(), rejection.reason());
                    outbox.add(deadLetter(in, DeadLettered.Why.INVALID, rejection.reason(), now, afterCommit));
                } else if (w instanceof Work.HttpTip tip) {
                    afterCommit.add(() -> tip.result().complete(new TipResult(null, false, rejection.reason())));
                }
            }
        }
        return out;
    }

    /** The dead letter of an inbound message; listeners hear of it when {@code afterCommit} runs. */
    AlertStore.OutboxMessage deadLetter(Work.Inbound in, DeadLettered.Why why, String reason, Instant now,
                                        List<Runnable> afterCommit) {
        DeadLettered told = new DeadLettered(in.route(), why);
        afterCommit.add(() -> deadLetterListeners.forEach(l -> l.accept(told)));
        return new AlertStore.OutboxMessage(topics.deadLetter(), DeadLetter.json(in.topic(), reason, now, in.payload()));
    }

    static String lastLevel(String topic) {
        int slash = topic.lastIndexOf('/');
        return slash < 0 ? topic : topic.substring(slash + 1);
    }
}
