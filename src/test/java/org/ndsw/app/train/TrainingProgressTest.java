package org.ndsw.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ndsw.app.ProgressSink;
import org.ndsw.train.EpochRecord;
import org.ndsw.train.Progress;

class TrainingProgressTest {
    @Test
    void fractionCountsEpochsTrainingThenTest() {
        assertEquals(0.0, TrainingProgress.fraction(new Progress(Progress.Phase.TRAIN, 1, 4, 0, 10, 0, 0, 0)), 1e-12);
        assertEquals(0.9 / 4, TrainingProgress.fraction(new Progress(Progress.Phase.TRAIN, 1, 4, 10, 10, 0, 0, 0)),
                1e-12);
        assertEquals(0.25, TrainingProgress.fraction(new Progress(Progress.Phase.TEST, 1, 4, 5, 5, 0, 0, 0)), 1e-12);
        assertEquals(1.0, TrainingProgress.fraction(new Progress(Progress.Phase.TEST, 4, 4, 5, 5, 0, 0, 0)), 1e-12);
    }

    @Test
    void batchesBecomeMessagesAndEpochsGoToTheirConsumer() {
        List<String> messages = new ArrayList<>();
        List<EpochRecord> epochs = new ArrayList<>();
        ProgressSink sink = new ProgressSink() {
            @Override
            public void update(String message, double fraction) {
                messages.add(message);
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        TrainingProgress p = new TrainingProgress(sink, epochs::add);
        p.onProgress(new Progress(Progress.Phase.TRAIN, 2, 5, 30, 390, 1.2345, 41.06, 612.4));
        assertTrue(messages.get(0).startsWith("epoch 2/5 batch 30/390 loss 1.235 err 41.1% 612 img/s ETA "),
                messages.get(0));
        EpochRecord r = new EpochRecord(2, 0.0904508, 1.02, 36.3, 0.98, 34.1, 80, 5, 49920);
        p.onEpoch(r);
        assertEquals(List.of(r), epochs);
        assertTrue(p.isCancelled());
        assertEquals("epoch 2/5: lr 0.0905, train loss 1.020 err 36.30%, test loss 0.980 err 34.10%, 624 img/s, 85 s",
                TrainingProgress.summary(r, 5));
    }
}
