package org.winterwatch.coordinator.sweep;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.winterwatch.missions.sweep.Sweep;
import org.winterwatch.missions.sweep.SweepRepository;
import org.winterwatch.missions.sweep.Transition;

/**
 * Stores each sweep with the transitions it recorded since it was last stored, and tells the listeners of every
 * transition. A store the database refused is kept, with its transitions, and tried again with the next change or
 * tick: nothing recorded is lost while the database is away. Used on the runner's thread only.
 */
final class SweepJournal {

    private static final Logger LOG = LoggerFactory.getLogger(SweepJournal.class);

    private final SweepRepository repository;
    private final Map<String, List<Transition>> unsaved = new HashMap<>();
    private final List<Consumer<Transition>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Sweep>> changeListeners = new CopyOnWriteArrayList<>();

    SweepJournal(SweepRepository repository) {
        this.repository = repository;
    }

    void onTransition(Consumer<Transition> listener) {
        listeners.add(listener);
    }

    /** Called with the sweep after each change, once however many transitions the change made. */
    void onChange(Consumer<Sweep> listener) {
        changeListeners.add(listener);
    }

    /** Stores a new sweep; nothing is kept if the database refuses it (the launch is refused instead). */
    void create(Sweep sweep) throws SQLException {
        List<Transition> planned = sweep.drainTransitions();
        repository.save(sweep, planned);
        tell(planned);
        changed(sweep, planned);
    }

    /** Stores the sweep if it changed (or an earlier store failed). */
    void save(Sweep sweep) {
        List<Transition> fresh = sweep.drainTransitions();
        tell(fresh);
        changed(sweep, fresh);
        List<Transition> batch = unsaved.computeIfAbsent(sweep.id(), id -> new ArrayList<>());
        batch.addAll(fresh);
        if (batch.isEmpty()) {
            unsaved.remove(sweep.id());
            return;
        }
        try {
            repository.save(sweep, batch);
            unsaved.remove(sweep.id());
        } catch (SQLException e) {
            LOG.warn("sweep not stored, will retry sweepId={} transitions={} reason={}", sweep.id(), batch.size(),
                    e.getMessage());
        }
    }

    /** True while a change of the sweep waits to be stored. */
    boolean pending(String sweepId) {
        return unsaved.containsKey(sweepId);
    }

    private void changed(Sweep sweep, List<Transition> transitions) {
        if (!transitions.isEmpty()) {
            changeListeners.forEach(l -> l.accept(sweep));
        }
    }

    private void tell(List<Transition> transitions) {
        transitions.forEach(t -> listeners.forEach(l -> l.accept(t)));
    }
}
