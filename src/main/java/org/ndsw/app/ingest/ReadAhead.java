package org.ndsw.app.ingest;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.ndsw.NdswException;

/**
 * Runs a producer on its own thread and hands its items to the caller through a bounded queue.
 *
 * <p>An import reads and parses on this thread while the caller writes to SQLite, so the two overlap; the bound keeps
 * memory flat. A producer failure reaches the caller at {@link #take}, never lost; {@link #close} stops the producer
 * (interrupting it) and waits for it, so no thread outlives the import.
 */
final class ReadAhead<T> implements AutoCloseable {
    /** Produces items into a sink; may throw anything, which the consumer then receives. */
    @FunctionalInterface
    interface Producer<T> {
        /** Puts every item into `sink`, in order. */
        void produce(Sink<T> sink) throws Exception;
    }

    /** Where a producer puts items; blocks while the queue is full. */
    @FunctionalInterface
    interface Sink<T> {
        /** Hands over one item. */
        void put(T item);
    }

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private volatile boolean closed;
    private boolean ended;

    /** A failure of the producer, carried to the consumer. */
    private record Failure(Throwable cause) {}

    /** Thrown inside the producer once the consumer closed: unwinds it quietly. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    /** Starts `producer` on a daemon thread named `name`, with at most `capacity` items waiting. */
    ReadAhead(String name, int capacity, Producer<T> producer) {
        queue = new ArrayBlockingQueue<>(capacity);
        thread = new Thread(() -> run(producer), name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The next item, or null once the producer finished; rethrows the producer's failure. */
    @SuppressWarnings("unchecked")
    T take() {
        if (ended) {
            return null;
        }
        Object o;
        try {
            o = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NdswException("interrupted while waiting for the reader", e);
        }
        if (o == END) {
            ended = true;
            return null;
        }
        if (o instanceof Failure f) {
            ended = true;
            throw rethrow(f.cause());
        }
        return (T) o;
    }

    /** Stops the producer if it still runs and waits for its thread to end. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(Producer<T> producer) {
        Object last = END;
        try {
            producer.produce(this::put);
        } catch (Stopped s) {
            return;
        } catch (Throwable t) {
            last = new Failure(t);
        }
        try {
            if (!closed) {
                queue.put(last);
            }
        } catch (InterruptedException e) {
            // The consumer closed: nobody waits for the end marker.
        }
    }

    private void put(T item) {
        if (closed) {
            throw new Stopped();
        }
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new NdswException(String.valueOf(t.getMessage()), t);
    }
}
