package org.winterwatch.alerts.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.alerts.book.ActionResult;
import org.winterwatch.alerts.book.Alert;
import org.winterwatch.alerts.book.AlertBook;
import org.winterwatch.alerts.book.Detection;
import org.winterwatch.alerts.book.DetectionKind;
import org.winterwatch.alerts.store.AlertStore;

/**
 * The second step of a batch: each parsed item applied to the alert book (a detection folded unless it is a
 * redelivery, an action taken, a tick's escalations, a note), collecting what the batch will commit and what runs
 * after the commit. Runs on the worker's thread only, like the book it changes.
 */
final class BatchFolding {

    private static final Logger LOG = LoggerFactory.getLogger(BatchFolding.class);

    private final AlertBook book;
    private final WorkParser parser;
    private final List<BiConsumer<Detection, Alert>> tipListeners;

    BatchFolding(AlertBook book, WorkParser parser, List<BiConsumer<Detection, Alert>> tipListeners) {
        this.book = book;
        this.parser = parser;
        this.tipListeners = tipListeners;
    }

    void apply(WorkParser.Parsed p, Instant now, Set<String> known, Set<String> seen, Map<String, Alert> changed,
                       List<AlertStore.StoredDetection> rows, List<AlertStore.OutboxMessage> outbox,
                       List<Runnable> afterCommit) {
        if (p.work() instanceof Work.Tick) {
            book.tick(now).forEach(a -> changed.put(a.alertId(), a));
            return;
        }
        if (p.work() instanceof Work.Note note) {
            if (book.note(note.alertId(), note.reason(), now) instanceof ActionResult.Changed c) {
                changed.put(c.alert().alertId(), c.alert());
            }
            return;
        }
        if (p.detection() != null) {
            Detection d = p.detection();
            boolean duplicate = known.contains(d.storageKey()) || !seen.add(d.storageKey());
            Alert alert = duplicate ? null : book.fold(d, now);
            if (alert != null) {
                changed.put(alert.alertId(), alert);
                if (d.kind() == DetectionKind.TIP && !tipListeners.isEmpty()) {
                    Alert folded = alert;
                    afterCommit.add(() -> tipListeners.forEach(l -> l.accept(d, folded)));
                }
                rows.add(new AlertStore.StoredDetection(d.storageKey(), d.source(), d.kind().wireName(), alert.alertId(),
                        d.observedAt(), now, p.payloadText()));
            }
            if (p.work() instanceof Work.HttpTip tip) {
                Alert settled = alert;
                afterCommit.add(() -> tip.result().complete(new TipResult(settled, settled == null, null)));
            }
            return;
        }
        ActionResult result = book.act(p.action(), now);
        if (result instanceof ActionResult.Changed c) {
            changed.put(c.alert().alertId(), c.alert());
        }
        if (p.work() instanceof Work.Inbound in && result instanceof ActionResult.Refused refused) {
            LOG.debug("ack refused topic={} reason={}", in.topic(), refused.reason());
            outbox.add(parser.deadLetter(in, DeadLettered.Why.of(refused.why()), refused.reason(), now, afterCommit));
        }
        if (p.work() instanceof Work.HttpAction action) {
            afterCommit.add(() -> action.result().complete(result));
        }
    }
}
